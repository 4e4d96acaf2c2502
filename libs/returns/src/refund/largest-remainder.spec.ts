import fc from 'fast-check';
import { largestRemainder, unitsShare } from './largest-remainder';

describe(largestRemainder.name, () => {
  it('splits exactly when the shares are whole', () => {
    expect(largestRemainder(900, [1, 1, 1])).toEqual([300, 300, 300]);
  });

  it('gives left-over units to the largest remainders, earlier parts first on ties', () => {
    expect(largestRemainder(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(largestRemainder(10, [3, 3, 4])).toEqual([3, 3, 4]);
    // 7 × (1/6, 2/6, 3/6) = 1.1667, 2.333, 3.5 → floors 1, 2, 3 and the one left goes to 3.5.
    expect(largestRemainder(7, [1, 2, 3])).toEqual([1, 2, 4]);
  });

  it('splits evenly when every weight is zero, and refuses to split something into nothing', () => {
    expect(largestRemainder(5, [0, 0])).toEqual([3, 2]);
    expect(largestRemainder(0, [])).toEqual([]);
    expect(() => largestRemainder(1, [])).toThrow(RangeError);
  });

  it('stays exact beyond 2^53 intermediate products', () => {
    const total = Number.MAX_SAFE_INTEGER;
    const parts = largestRemainder(total, [Number.MAX_SAFE_INTEGER, 1, 7]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
  });

  it('always sums to the total and keeps each part within one unit of its exact share', () => {
    fc.assert(
      fc.property(fc.nat(10_000_000), fc.array(fc.nat(1_000_000), { minLength: 1, maxLength: 20 }), (total, weights) => {
        const parts = largestRemainder(total, weights);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        const sum = weights.reduce((a, b) => a + b, 0);
        parts.forEach((part, i) => {
          const exact = sum === 0 ? total / weights.length : (total * weights[i]) / sum;
          expect(Math.abs(part - exact)).toBeLessThan(1 + 1e-6);
        });
      }),
    );
  });
});

describe(unitsShare.name, () => {
  it('gives the first (amount mod units) units one minor unit more', () => {
    expect([0, 1, 2].map((i) => unitsShare(100, 3, i, 1))).toEqual([34, 33, 33]);
  });

  it('matches the largest-remainder split of equal units for every slice', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.integer({ min: 1, max: 50 }), fc.nat(), fc.nat(), (amount, units, a, b) => {
        const from = a % units;
        const count = b % (units - from + 1);
        const perUnit = largestRemainder(amount, Array.from({ length: units }, () => 1));
        const expected = perUnit.slice(from, from + count).reduce((x, y) => x + y, 0);
        expect(unitsShare(amount, units, from, count)).toBe(expected);
      }),
    );
  });

  it('refuses slices outside the line', () => {
    expect(() => unitsShare(100, 3, 2, 2)).toThrow(RangeError);
    expect(() => unitsShare(100, 0, 0, 0)).toThrow(RangeError);
  });
});
