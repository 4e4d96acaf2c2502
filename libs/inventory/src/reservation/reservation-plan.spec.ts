import fc from 'fast-check';
import type { inventoryV1 } from '@baton/contracts';
import {
  DEFAULT_RESERVATION_TTL_SECONDS,
  expiryOf,
  positionKeyOf,
  splitByExisting,
  sumDemand,
  validateReservePlan,
} from './reservation-plan';

const STORE = '6f1c1f52-8b36-4c61-9d55-3c8f0a4f9a01';
const WAREHOUSE = '0b7e0d8e-2b0a-4f0e-a0c4-7f6f7d1c2e02';

function line(overrides: Partial<inventoryV1.ReservationLine> = {}): inventoryV1.ReservationLine {
  return { lineId: 'l1', sku: 'SKU-1', locationId: STORE, quantity: 1, ...overrides };
}

function plan(overrides: Partial<inventoryV1.ReservePlanRequest> = {}): inventoryV1.ReservePlanRequest {
  return { orderId: 'order-1', lines: [line()], ttlSeconds: 0, ...overrides };
}

describe(sumDemand.name, () => {
  it('adds up lines for the same item and location', () => {
    const demand = sumDemand([line({ lineId: 'a', quantity: 3 }), line({ lineId: 'b', quantity: 3 })]);
    expect(demand).toEqual([{ sku: 'SKU-1', locationId: STORE, quantity: 6, lineIds: ['a', 'b'] }]);
  });

  it('keeps the same item at different locations apart', () => {
    const demand = sumDemand([line({ lineId: 'a', locationId: STORE }), line({ lineId: 'b', locationId: WAREHOUSE })]);
    expect(demand.map((d) => [d.locationId, d.quantity])).toEqual([
      [WAREHOUSE, 1],
      [STORE, 1],
    ]);
  });

  it('orders positions by item then location whatever the line order', () => {
    const lines = [
      line({ lineId: 'a', sku: 'B', locationId: STORE }),
      line({ lineId: 'b', sku: 'A', locationId: STORE }),
      line({ lineId: 'c', sku: 'A', locationId: WAREHOUSE }),
    ];
    const keys = sumDemand(lines).map((d) => `${d.sku}@${d.locationId}`);
    expect(keys).toEqual([`A@${WAREHOUSE}`, `A@${STORE}`, `B@${STORE}`]);
    expect(sumDemand([...lines].reverse()).map((d) => `${d.sku}@${d.locationId}`)).toEqual(keys);
  });

  it('conserves the total quantity and gives each position exactly the sum of its lines', () => {
    const lineArb = fc.record({
      lineId: fc.uuid(),
      sku: fc.constantFrom('A', 'B', 'C'),
      locationId: fc.constantFrom(STORE, WAREHOUSE),
      quantity: fc.integer({ min: 1, max: 50 }),
    });
    fc.assert(
      fc.property(fc.array(lineArb, { maxLength: 30 }), (lines) => {
        const demand = sumDemand(lines);
        expect(demand.reduce((sum, d) => sum + d.quantity, 0)).toBe(lines.reduce((sum, l) => sum + l.quantity, 0));
        expect(new Set(demand.map(positionKeyOf)).size).toBe(demand.length);
        for (const d of demand) {
          const own = lines.filter((l) => positionKeyOf(l) === positionKeyOf(d));
          expect(d.quantity).toBe(own.reduce((sum, l) => sum + l.quantity, 0));
          expect(d.lineIds).toEqual(own.map((l) => l.lineId));
        }
      }),
    );
  });
});

describe(validateReservePlan.name, () => {
  it('accepts a well-formed plan', () => {
    expect(validateReservePlan(plan())).toEqual([]);
  });

  it('names every bad field at once', () => {
    const violations = validateReservePlan(
      plan({
        orderId: '',
        ttlSeconds: -1,
        lines: [line({ lineId: 'x', locationId: 'nowhere', quantity: 0 }), line({ lineId: 'x', sku: '' })],
      }),
    );
    expect(violations.map((v) => v.field).sort()).toEqual(
      ['orderId', 'ttlSeconds', 'lines[0].locationId', 'lines[0].quantity', 'lines[1].sku', 'lines[1].lineId'].sort(),
    );
  });

  it('refuses a plan without lines', () => {
    expect(validateReservePlan(plan({ lines: [] }))).toEqual([
      { field: 'lines', message: 'must contain at least one line' },
    ]);
  });

  it('refuses fractional quantities', () => {
    expect(validateReservePlan(plan({ lines: [line({ quantity: 1.5 })] })).map((v) => v.field)).toEqual([
      'lines[0].quantity',
    ]);
  });
});

describe(splitByExisting.name, () => {
  it('returns only the lines not reserved yet', () => {
    const result = splitByExisting([line({ lineId: 'a' }), line({ lineId: 'b' })], [line({ lineId: 'a' })]);
    expect(result).toEqual({ missing: [line({ lineId: 'b' })], mismatched: [] });
  });

  it('flags a line that was reserved with a different quantity, item or location', () => {
    const result = splitByExisting(
      [line({ lineId: 'a', quantity: 2 }), line({ lineId: 'b', sku: 'OTHER' }), line({ lineId: 'c', locationId: WAREHOUSE })],
      [line({ lineId: 'a' }), line({ lineId: 'b' }), line({ lineId: 'c' })],
    );
    expect(result).toEqual({ missing: [], mismatched: ['a', 'b', 'c'] });
  });
});

describe(expiryOf.name, () => {
  const now = new Date('2026-01-01T00:00:00.000Z');

  it('uses the requested time to live', () => {
    expect(expiryOf(now, 60).toISOString()).toBe('2026-01-01T00:01:00.000Z');
  });

  it('falls back to the default when none is given', () => {
    expect(expiryOf(now, 0).getTime() - now.getTime()).toBe(DEFAULT_RESERVATION_TTL_SECONDS * 1000);
  });
});
