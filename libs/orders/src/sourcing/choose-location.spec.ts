import { chooseLocation, planSourcing, type LocationStock } from './choose-location';

const stock = (locationId: string, available: number): LocationStock => ({ locationId, available });

describe(chooseLocation.name, () => {
  it('chooses the only location with enough available stock', () => {
    expect(chooseLocation({ quantity: 3 }, [stock('a', 2), stock('b', 3), stock('c', 1)])).toBe('b');
  });

  it('breaks ties between locations with enough stock by the lowest location id', () => {
    expect(chooseLocation({ quantity: 2 }, [stock('loc-9', 100), stock('loc-2', 2), stock('loc-5', 50)])).toBe('loc-2');
  });

  it('does not depend on the order candidates arrive in', () => {
    const candidates = [stock('c', 5), stock('a', 5), stock('b', 5)];
    expect(chooseLocation({ quantity: 5 }, candidates)).toBe('a');
    expect(chooseLocation({ quantity: 5 }, [...candidates].reverse())).toBe('a');
  });

  it('returns undefined when no single location has enough, even if the network has', () => {
    expect(chooseLocation({ quantity: 4 }, [stock('a', 3), stock('b', 3)])).toBeUndefined();
  });

  it('returns undefined without candidates', () => {
    expect(chooseLocation({ quantity: 1 }, [])).toBeUndefined();
  });
});

describe(planSourcing.name, () => {
  it('assigns every line a location', () => {
    const plan = planSourcing(
      [
        { lineId: 'l1', sku: 'A', quantity: 1 },
        { lineId: 'l2', sku: 'B', quantity: 2 },
      ],
      new Map([
        ['A', [stock('w2', 5), stock('w1', 0)]],
        ['B', [stock('w3', 2)]],
      ]),
    );
    expect(plan).toEqual({
      sourced: true,
      lines: [
        { lineId: 'l1', sku: 'A', quantity: 1, locationId: 'w2' },
        { lineId: 'l2', sku: 'B', quantity: 2, locationId: 'w3' },
      ],
    });
  });

  it('does not promise the same stock to two lines of one SKU', () => {
    const plan = planSourcing(
      [
        { lineId: 'l1', sku: 'A', quantity: 3 },
        { lineId: 'l2', sku: 'A', quantity: 3 },
      ],
      new Map([['A', [stock('w1', 4), stock('w2', 3)]]]),
    );
    expect(plan).toEqual({
      sourced: true,
      lines: [
        { lineId: 'l1', sku: 'A', quantity: 3, locationId: 'w1' },
        { lineId: 'l2', sku: 'A', quantity: 3, locationId: 'w2' },
      ],
    });
  });

  it('reports every line no location can serve, with the most one location still has', () => {
    const plan = planSourcing(
      [
        { lineId: 'l1', sku: 'A', quantity: 2 },
        { lineId: 'l2', sku: 'B', quantity: 5 },
        { lineId: 'l3', sku: 'C', quantity: 1 },
      ],
      new Map([
        ['A', [stock('w1', 2)]],
        ['B', [stock('w1', 3), stock('w2', 4)]],
      ]),
    );
    expect(plan).toEqual({
      sourced: false,
      shortfalls: [
        { sku: 'B', requested: 5, available: 4 },
        { sku: 'C', requested: 1, available: 0 },
      ],
    });
  });

  it('leaves the caller’s stock figures untouched', () => {
    const positions = [stock('w1', 4)];
    planSourcing([{ lineId: 'l1', sku: 'A', quantity: 4 }], new Map([['A', positions]]));
    expect(positions).toEqual([stock('w1', 4)]);
  });
});
