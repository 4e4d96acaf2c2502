import fc from 'fast-check';
import { OrderAllocationEntity } from '../order/order-allocation.entity';
import { OrderLineEntity } from '../order/order-line.entity';
import { planCancellation, refundFor } from './cancellation-plan';

function line(overrides: Partial<OrderLineEntity> = {}): OrderLineEntity {
  return Object.assign(new OrderLineEntity(), {
    id: 'l1',
    sku: 'A',
    quantity: 5,
    unitPriceMinor: 1000,
    taxMinor: 0,
    discountMinor: 0,
    cancelledQuantity: 0,
    shippedQuantity: 0,
    deliveredQuantity: 0,
    backorderedQuantity: 0,
    ...overrides,
  });
}

function part(id: string, quantity: number, overrides: Partial<OrderAllocationEntity> = {}): OrderAllocationEntity {
  return Object.assign(new OrderAllocationEntity(), {
    id,
    lineId: 'l1',
    sku: 'A',
    locationId: `loc-${id}`,
    quantity,
    releasedQuantity: 0,
    shippedQuantity: 0,
    readyQuantity: 0,
    completedQuantity: 0,
    ...overrides,
  });
}

describe(planCancellation.name, () => {
  it('takes backordered units first, then the newest reserved part', () => {
    const plan = planCancellation([line({ backorderedQuantity: 1 })], [part('p1', 2), part('p2', 2)], [{ lineId: 'l1', quantity: 3 }], new Map());
    expect(plan.cancellations).toEqual([{ lineId: 'l1', fromBackorder: 1, fromParts: [{ allocationId: 'p2', quantity: 2 }], refundMinor: 3000 }]);
    expect(plan.refused).toEqual([]);
  });

  it('refuses shipped units and units of packed work, saying which', () => {
    const plan = planCancellation(
      [line({ shippedQuantity: 2 })],
      [part('p1', 2, { shippedQuantity: 2 }), part('p2', 1), part('p3', 2)],
      'all',
      new Map([['p3', 'ALREADY_PACKED' as const]]),
    );
    expect(plan.cancellations).toEqual([{ lineId: 'l1', fromBackorder: 0, fromParts: [{ allocationId: 'p2', quantity: 1 }], refundMinor: 1000 }]);
    expect(plan.refused.map((r) => [r.reason, r.quantity])).toEqual([
      ['ALREADY_PACKED', 2],
      ['ALREADY_SHIPPED', 2],
    ]);
  });

  it('says nothing is left of a line already cancelled', () => {
    const plan = planCancellation([line({ cancelledQuantity: 5 })], [part('p1', 5, { releasedQuantity: 5 })], [{ lineId: 'l1', quantity: 0 }], new Map());
    expect(plan.cancellations).toEqual([]);
  });
});

describe(refundFor.name, () => {
  it('refunds a line with tax and discount to the cent, whatever the steps', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 50 }),
        (quantity, unitPriceMinor, taxMinor, steps) => {
          const l = { quantity, unitPriceMinor, taxMinor, discountMinor: Math.floor((quantity * unitPriceMinor) / 3) };
          let cancelled = 0;
          let refunded = 0;
          for (const step of steps) {
            const now = Math.min(step, quantity - cancelled);
            if (now === 0) break;
            const refund = refundFor(l, cancelled, now);
            expect(Number.isSafeInteger(refund)).toBe(true);
            expect(refund).toBeGreaterThanOrEqual(0);
            refunded += refund;
            cancelled += now;
          }
          const total = quantity * unitPriceMinor + taxMinor - l.discountMinor;
          if (cancelled === quantity) expect(refunded).toBe(total);
          else expect(refunded).toBeLessThanOrEqual(Math.ceil((total * cancelled) / quantity));
        },
      ),
    );
  });
});
