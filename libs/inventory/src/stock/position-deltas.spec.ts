import fc from 'fast-check';
import { type MovementIntent, comparePositions, countDelta, mayCreatePosition, passesGuard, sumDeltas } from './position-deltas';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

function intent(overrides: Partial<MovementIntent> = {}): MovementIntent {
  return { sku: 'SKU', locationId: A, type: 'receipt', onHandDelta: 1, reservedDelta: 0, reference: 'r', reason: null, ...overrides };
}

describe(sumDeltas.name, () => {
  it('nets the changes of one position and keeps its movement types', () => {
    const [delta] = sumDeltas([
      intent({ type: 'release', onHandDelta: 0, reservedDelta: -2, reference: 'x' }),
      intent({ type: 'count', onHandDelta: -1, reference: 'y' }),
    ]);
    expect(delta).toMatchObject({ onHandDelta: -1, reservedDelta: -2, types: ['release', 'count'], references: ['x', 'y'] });
  });

  it('orders positions byte-wise by SKU then location, as Postgres locks them with COLLATE "C"', () => {
    const deltas = sumDeltas([intent({ sku: 'b' }), intent({ sku: 'B', locationId: B }), intent({ sku: 'B' }), intent({ sku: 'AB' })]);
    expect(deltas.map((d) => `${d.sku}@${d.locationId.slice(-1)}`)).toEqual(['AB@a', 'B@a', 'B@b', 'b@a']);
  });

  it('conserves every quantity whatever the order', () => {
    const intents = fc.array(
      fc.record({ sku: fc.constantFrom('A', 'B'), locationId: fc.constantFrom(A, B), onHandDelta: fc.integer({ min: -50, max: 50 }), reservedDelta: fc.integer({ min: -50, max: 50 }) }),
    );
    fc.assert(
      fc.property(intents, (raw) => {
        const deltas = sumDeltas(raw.map((r) => intent(r)));
        expect(deltas.reduce((s, d) => s + d.onHandDelta, 0)).toBe(raw.reduce((s, r) => s + r.onHandDelta, 0));
        expect(deltas.reduce((s, d) => s + d.reservedDelta, 0)).toBe(raw.reduce((s, r) => s + r.reservedDelta, 0));
        expect([...deltas].sort(comparePositions)).toEqual(deltas);
      }),
    );
  });
});

describe(passesGuard.name, () => {
  const position = { onHand: 10, reserved: 4, safetyStock: 2 };

  it('reserves only out of available-to-promise', () => {
    expect(passesGuard(position, { onHandDelta: 0, reservedDelta: 4 })).toBe(true);
    expect(passesGuard(position, { onHandDelta: 0, reservedDelta: 5 })).toBe(false);
  });

  it('never takes on hand below reserved, nor reserved below zero', () => {
    expect(passesGuard(position, { onHandDelta: -6, reservedDelta: 0 })).toBe(true);
    expect(passesGuard(position, { onHandDelta: -7, reservedDelta: 0 })).toBe(false);
    expect(passesGuard(position, { onHandDelta: -7, reservedDelta: -1 })).toBe(true);
    expect(passesGuard(position, { onHandDelta: 0, reservedDelta: -5 })).toBe(false);
  });

  it('keeps every invariant for any change it lets through', () => {
    fc.assert(
      fc.property(fc.nat(100), fc.nat(100), fc.nat(20), fc.integer({ min: -100, max: 100 }), fc.integer({ min: -100, max: 100 }), (onHand, r, safetyStock, dOn, dRes) => {
        const start = { onHand, reserved: r % (onHand + 1), safetyStock };
        if (!passesGuard(start, { onHandDelta: dOn, reservedDelta: dRes })) return;
        const after = { onHand: start.onHand + dOn, reserved: start.reserved + dRes };
        expect(after.reserved).toBeGreaterThanOrEqual(0);
        expect(after.onHand).toBeGreaterThanOrEqual(after.reserved);
      }),
    );
  });

  it('lets only pure receipts create a position', () => {
    expect(mayCreatePosition({ onHandDelta: 3, reservedDelta: 0 })).toBe(true);
    expect(mayCreatePosition({ onHandDelta: 3, reservedDelta: 1 })).toBe(false);
    expect(mayCreatePosition({ onHandDelta: -1, reservedDelta: 0 })).toBe(false);
  });
});

describe(countDelta.name, () => {
  it('sets on hand to the count, but never below what is reserved', () => {
    expect(countDelta({ onHand: 10, reserved: 2, safetyStock: 0 }, 7)).toEqual({ delta: -3, unresolvedShortfall: 0 });
    expect(countDelta({ onHand: 10, reserved: 6, safetyStock: 0 }, 4)).toEqual({ delta: -4, unresolvedShortfall: 2 });
    expect(countDelta({ onHand: 3, reserved: 0, safetyStock: 0 }, 9)).toEqual({ delta: 6, unresolvedShortfall: 0 });
  });
});
