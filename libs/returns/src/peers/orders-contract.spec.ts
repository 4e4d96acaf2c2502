import type { ordersV1 } from '@baton/contracts';
import { eligibleQuantity, toPurchasedOrder } from './orders.client';
import { linePaidMinor, orderPaidMinor } from './purchased-order';

function line(overrides: Partial<ordersV1.OrderLine> = {}): ordersV1.OrderLine {
  return { id: 'L1', sku: 'SHIRT', quantity: 3, unitPriceMinor: 1000, locationId: 'wh', status: 'sourced', ...overrides };
}

function order(lines: ordersV1.OrderLine[], overrides: Partial<ordersV1.Order> = {}): ordersV1.Order {
  return {
    id: 'o-1',
    channel: 'web',
    channelOrderId: 'W-1',
    customerEmail: 'ada@example.com',
    currency: 'EUR',
    deliveryMethod: 'ship_to_address',
    shipTo: undefined,
    lines,
    status: 'shipped',
    totalMinor: 0,
    createdAt: '2026-11-01T10:00:00.000Z',
    ...overrides,
  };
}

describe(eligibleQuantity.name, () => {
  it('counts what orders reports as shipped or collected, never beyond what was not cancelled', () => {
    expect(eligibleQuantity(line({ status: 'partially_shipped', shippedQuantity: 2, deliveredQuantity: 0 }))).toBe(2);
    expect(eligibleQuantity(line({ status: 'collected', shippedQuantity: 0, deliveredQuantity: 3 }))).toBe(3);
    expect(eligibleQuantity(line({ status: 'shipped', cancelledQuantity: 1, shippedQuantity: 3 }))).toBe(2);
    expect(eligibleQuantity(line({ status: 'sourced', shippedQuantity: 0, deliveredQuantity: 0 }))).toBe(0);
  });

  it('reads an orders service that reports no quantities by line status', () => {
    expect(eligibleQuantity(line({ status: 'shipped' }))).toBe(3);
    expect(eligibleQuantity(line({ status: 'delivered', cancelledQuantity: 1 }))).toBe(2);
    expect(eligibleQuantity(line({ status: 'sourced' }))).toBe(0);
  });
});

describe(toPurchasedOrder.name, () => {
  it('takes tax and discount per line and the paid total net of cancellation refunds', () => {
    const purchased = toPurchasedOrder(
      order([line({ taxMinor: 570, discountMinor: 300, shippedQuantity: 3 })], { totalMinor: 3270, refundedMinor: 0 }),
    );
    expect(purchased.lines[0]).toMatchObject({ discountMinor: 300, taxMinor: 570, eligibleQuantity: 3, cancelledQuantity: 0 });
    expect(linePaidMinor(purchased.lines[0])).toBe(3000 - 300 + 570);
    expect(orderPaidMinor(purchased)).toBe(3270);
  });

  it('counts only the units still bought of a partly cancelled line, and caps at what orders says was paid', () => {
    const purchased = toPurchasedOrder(
      order([line({ quantity: 4, taxMinor: 400, cancelledQuantity: 1, shippedQuantity: 3 })], { totalMinor: 4400, refundedMinor: 1100 }),
    );
    expect(linePaidMinor(purchased.lines[0])).toBe(3000 + 300);
    expect(orderPaidMinor(purchased)).toBe(3300);
    expect(orderPaidMinor({ ...purchased, totalPaidMinor: 3000 })).toBe(3000);
  });
});
