import { DEFAULT_METHOD_RULES } from '../sourcing/delivery-methods';
import type { CandidateLocation } from '../sourcing/sourcing-model';
import { nearestStoresServingToday } from './nearest-stores';

const store = (locationId: string, latitude: number, atp: Record<string, number>, overrides: Partial<CandidateLocation> = {}): CandidateLocation => ({
  locationId,
  type: 'store',
  capabilities: ['pickup'],
  coordinates: { latitude, longitude: 4.9 },
  handlingCostMinor: 100,
  atp,
  ...overrides,
});

describe(nearestStoresServingToday.name, () => {
  const demand = new Map([
    ['A', 2],
    ['B', 1],
  ]);
  const from = { latitude: 52.37, longitude: 4.9 };

  it('lists the stores holding the whole cart, nearest first, up to the maximum', () => {
    const stores = [
      store('far', 53.5, { A: 2, B: 1 }),
      store('near', 52.4, { A: 5, B: 5 }),
      store('middle', 52.9, { A: 2, B: 1 }),
      store('short', 52.37, { A: 1, B: 1 }),
      store('full', 52.38, { A: 2, B: 1 }, { remainingCapacity: 0 }),
      store('no-pickup', 52.38, { A: 2, B: 1 }, { capabilities: ['ship'] }),
      store('warehouse', 52.38, { A: 2, B: 1 }, { type: 'warehouse' }),
      store('excluded', 52.38, { A: 2, B: 1 }),
    ];
    const found = nearestStoresServingToday(stores, demand, DEFAULT_METHOD_RULES.click_and_collect, new Set(['excluded']), from, 2);
    expect(found.map((s) => s.locationId)).toEqual(['near', 'middle']);
    expect(found[0].distanceKm).toBeGreaterThan(0);
  });

  it('orders by location id without the customer’s coordinates', () => {
    const found = nearestStoresServingToday([store('b', 52, { A: 2, B: 1 }), store('a', 53, { A: 2, B: 1 })], demand, DEFAULT_METHOD_RULES.curbside, new Set(), undefined, 5);
    expect(found.map((s) => [s.locationId, s.distanceKm])).toEqual([
      ['a', null],
      ['b', null],
    ]);
  });
});
