import { groupByLocation } from './group-by-location';

describe(groupByLocation.name, () => {
  it('makes one group per location, ordered by location id, keeping line order', () => {
    const lines = [
      { lineId: 'l1', locationId: 'w2' },
      { lineId: 'l2', locationId: 'w1' },
      { lineId: 'l3', locationId: 'w2' },
      { lineId: 'l4', locationId: 'w3' },
    ];
    expect(groupByLocation(lines)).toEqual([
      { locationId: 'w1', lines: [{ lineId: 'l2', locationId: 'w1' }] },
      {
        locationId: 'w2',
        lines: [
          { lineId: 'l1', locationId: 'w2' },
          { lineId: 'l3', locationId: 'w2' },
        ],
      },
      { locationId: 'w3', lines: [{ lineId: 'l4', locationId: 'w3' }] },
    ]);
  });

  it('makes a single group when every line ships from one location', () => {
    expect(groupByLocation([{ locationId: 'w1' }, { locationId: 'w1' }])).toHaveLength(1);
  });

  it('makes no group for no lines', () => {
    expect(groupByLocation([])).toEqual([]);
  });
});
