import fc from 'fast-check';
import { availableToPromise, toStockPosition } from './availability';

describe(availableToPromise.name, () => {
  it('is on hand minus reserved minus safety stock', () => {
    expect(availableToPromise({ onHand: 10, reserved: 3, safetyStock: 2 })).toBe(5);
  });

  it('is zero when everything on hand is reserved', () => {
    expect(availableToPromise({ onHand: 4, reserved: 4, safetyStock: 0 })).toBe(0);
  });

  it('never goes below zero when safety stock exceeds the free quantity', () => {
    expect(availableToPromise({ onHand: 5, reserved: 3, safetyStock: 4 })).toBe(0);
  });

  it('never exceeds what is on hand and unreserved', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.nat(1_000_000), fc.nat(1_000), (onHand, reservedSeed, safetyStock) => {
        const reserved = reservedSeed % (onHand + 1);
        const available = availableToPromise({ onHand, reserved, safetyStock });
        expect(available).toBeGreaterThanOrEqual(0);
        expect(available).toBeLessThanOrEqual(onHand - reserved);
        expect(available + reserved + safetyStock).toBeGreaterThanOrEqual(onHand);
      }),
    );
  });
});

describe(toStockPosition.name, () => {
  it('carries the quantities and the computed availability', () => {
    expect(
      toStockPosition({ sku: 'SKU-1', locationId: 'loc', onHand: 9, reserved: 2, safetyStock: 1 }),
    ).toEqual({ sku: 'SKU-1', locationId: 'loc', onHand: 9, reserved: 2, safetyStock: 1, available: 6 });
  });
});
