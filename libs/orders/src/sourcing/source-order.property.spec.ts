import fc from 'fast-check';
import { DEFAULT_METHOD_RULES, DELIVERY_METHODS, METHOD_PROFILES, type DeliveryMethod } from './delivery-methods';
import { sourceOrder } from './source-order';
import {
  SOURCING_STRATEGIES,
  type CandidateLocation,
  type CarrierService,
  type SourcingLine,
  type SourcingRequest,
} from './sourcing-model';

const SKUS = ['A', 'B', 'C'];
const TYPES = ['store', 'warehouse', 'distribution_centre', 'supplier'];
const CAPABILITIES = ['ship', 'pickup', 'same_day', 'receive_transfers'];

const point = fc.record({
  latitude: fc.double({ min: 50, max: 54, noNaN: true }),
  longitude: fc.double({ min: 3, max: 8, noNaN: true }),
});

const candidateAt = (index: number) =>
  fc.record({
    locationId: fc.constant(`loc-${index}`),
    type: fc.constantFrom(...TYPES),
    capabilities: fc.subarray(CAPABILITIES),
    coordinates: fc.option(point, { nil: undefined }),
    remainingCapacity: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
    handlingCostMinor: fc.integer({ min: 0, max: 1000 }),
    atp: fc.record({ A: fc.integer({ min: 0, max: 10 }), B: fc.integer({ min: 0, max: 10 }), C: fc.integer({ min: 0, max: 10 }) }),
  });

const carrier = (index: number): fc.Arbitrary<CarrierService> =>
  fc.record({
    id: fc.constant(`carrier-${index}:svc`),
    carrier: fc.constant(`carrier-${index}`),
    name: fc.constant(`service ${index}`),
    currency: fc.constantFrom('EUR', 'EUR', 'USD'),
    zones: fc.constant([
      { code: 'near', maxDistanceKm: 30 },
      { code: 'home', countries: ['NL'] },
      { code: 'far', maxDistanceKm: 2000 },
    ]),
    transitDays: fc.integer({ min: 0, max: 3 }),
    transitDaysByZone: fc.record({ far: fc.integer({ min: 2, max: 5 }) }),
    rates: fc.constant([
      { zone: 'near', maxWeightGrams: 5000, priceMinor: 300 + index },
      { zone: 'home', maxWeightGrams: 5000, priceMinor: 500 + index },
      { zone: 'far', maxWeightGrams: 20_000, priceMinor: 900 + index },
    ]),
    cutoffMinuteOfDay: fc.integer({ min: 0, max: 1440 }),
    sameDay: fc.boolean(),
    timeWindow: fc.boolean(),
    insuredValueLimitMinor: fc.integer({ min: 0, max: 50_000 }),
  });

const requestArbitrary: fc.Arbitrary<SourcingRequest> = fc
  .record({
    locationCount: fc.integer({ min: 1, max: 8 }),
    carrierCount: fc.integer({ min: 0, max: 3 }),
  })
  .chain(({ locationCount, carrierCount }) => {
    const ids = Array.from({ length: locationCount }, (_, i) => `loc-${i}`);
    const lineAt = (index: number): fc.Arbitrary<SourcingLine> =>
      fc
        .record({
          sku: fc.constantFrom(...SKUS),
          quantity: fc.integer({ min: 1, max: 8 }),
          unitValueMinor: fc.integer({ min: 0, max: 20_000 }),
          unitWeightGrams: fc.integer({ min: 0, max: 2000 }),
          deliveryMethod: fc.constantFrom<DeliveryMethod>(...DELIVERY_METHODS),
          destination: fc.constantFrom(...ids, 'nowhere'),
        })
        .map(({ destination, ...rest }) => ({
          lineId: `line-${index}`,
          ...rest,
          destinationLocationId: METHOD_PROFILES[rest.deliveryMethod].needsDestinationLocation ? destination : undefined,
        }));
    return fc.record({
      now: fc.integer({ min: 0, max: 1439 }).map((minute) => new Date(Date.UTC(2026, 11, 1, 0, minute)).toISOString()),
      currency: fc.constant('EUR'),
      lines: fc.integer({ min: 1, max: 5 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => lineAt(i)))),
      address: fc.record({ coordinates: fc.option(point, { nil: undefined }), country: fc.constantFrom('NL', 'DE') }),
      requestedWindow: fc
        .integer({ min: 0, max: 5 })
        .map((days) => ({ from: `2026-12-0${1 + days}T14:00:00Z`, to: `2026-12-0${1 + days}T16:00:00Z` })),
      candidates: fc.tuple(...ids.map((_, i) => candidateAt(i))),
      carrierServices: fc.tuple(...Array.from({ length: carrierCount }, (_, i) => carrier(i))),
      strategy: fc.constantFrom(...SOURCING_STRATEGIES),
      weights: fc.record({
        cost: fc.integer({ min: 0, max: 5 }),
        etaDay: fc.integer({ min: 0, max: 50 }),
        split: fc.integer({ min: 0, max: 50 }),
        uninsured: fc.integer({ min: 0, max: 2 }),
        distanceKm: fc.integer({ min: 0, max: 1 }),
      }),
      constraints: fc.record({
        excludedLocationIds: fc.subarray(ids),
        maxSplits: fc.integer({ min: 0, max: 3 }),
        keepLinesWhole: fc.boolean(),
      }),
    });
  });

const RUNS = { numRuns: 400 };

describe('sourceOrder properties', () => {
  it('never assigns a location more of a SKU than its ATP', () => {
    fc.assert(
      fc.property(requestArbitrary, (request) => {
        const result = sourceOrder(request);
        const bySku = new Map<string, number>();
        for (const a of result.allocations) {
          bySku.set(`${a.locationId}/${a.sku}`, (bySku.get(`${a.locationId}/${a.sku}`) ?? 0) + a.quantity);
        }
        const candidates = new Map(request.candidates.map((c) => [c.locationId, c]));
        for (const [key, quantity] of bySku) {
          const [locationId, sku] = key.split('/');
          expect(quantity).toBeLessThanOrEqual((candidates.get(locationId) as CandidateLocation).atp[sku] ?? 0);
        }
      }),
      RUNS,
    );
  });

  it('never uses a location lacking a required capability, of a type not allowed, excluded or full', () => {
    fc.assert(
      fc.property(requestArbitrary, (request) => {
        const result = sourceOrder(request);
        const candidates = new Map(request.candidates.map((c) => [c.locationId, c]));
        const lines = new Map(request.lines.map((l) => [l.lineId, l]));
        for (const a of result.allocations) {
          const location = candidates.get(a.locationId) as CandidateLocation;
          const rule = DEFAULT_METHOD_RULES[a.deliveryMethod];
          for (const capability of rule.requiredCapabilities) expect(location.capabilities).toContain(capability);
          expect(rule.allowedLocationTypes).toContain(location.type);
          expect(request.constraints.excludedLocationIds).not.toContain(a.locationId);
          if (location.remainingCapacity !== undefined) expect(location.remainingCapacity).toBeGreaterThan(0);
          const line = lines.get(a.lineId) as SourcingLine;
          if (METHOD_PROFILES[line.deliveryMethod].pickup) expect(a.locationId).toBe(line.destinationLocationId);
        }
      }),
      RUNS,
    );
  });

  it('covers each line exactly once, whole when asked, or reports it unfulfillable with nothing allocated', () => {
    fc.assert(
      fc.property(requestArbitrary, (request) => {
        const result = sourceOrder(request);
        const unfulfillable = new Set(result.unfulfillable.map((u) => u.lineId));
        expect(unfulfillable.size).toBe(result.unfulfillable.length);
        for (const line of request.lines) {
          const parts = result.allocations.filter((a) => a.lineId === line.lineId);
          if (unfulfillable.has(line.lineId)) {
            expect(parts).toEqual([]);
          } else {
            expect(parts.reduce((sum, a) => sum + a.quantity, 0)).toBe(line.quantity);
            expect(new Set(parts.map((a) => a.locationId)).size).toBe(parts.length);
            if (request.constraints.keepLinesWhole) expect(parts).toHaveLength(1);
          }
        }
        expect(result.complete).toBe(unfulfillable.size === 0);
      }),
      RUNS,
    );
  });

  it('keeps each delivery group within the split limit', () => {
    fc.assert(
      fc.property(requestArbitrary, (request) => {
        const result = sourceOrder(request);
        const locationsByGroup = new Map<string, Set<string>>();
        for (const s of result.shipments) {
          const set = locationsByGroup.get(s.groupKey) ?? new Set<string>();
          set.add(s.locationId);
          locationsByGroup.set(s.groupKey, set);
        }
        for (const set of locationsByGroup.values()) expect(set.size).toBeLessThanOrEqual(request.constraints.maxSplits + 1);
      }),
      RUNS,
    );
  });

  it('explains every candidate of every planned group, with a reason for each rejection', () => {
    fc.assert(
      fc.property(requestArbitrary, (request) => {
        const result = sourceOrder(request);
        for (const group of result.explanation.groups) {
          if (group.candidates.length === 0) continue;
          expect(group.candidates.map((c) => c.locationId).sort()).toEqual(request.candidates.map((c) => c.locationId).sort());
          const used = new Set(result.shipments.filter((s) => s.groupKey === group.groupKey).map((s) => s.locationId));
          for (const c of group.candidates) {
            expect(c.outcome === 'rejected').toBe(c.rejections.length > 0);
            expect(c.outcome === 'selected').toBe(used.has(c.locationId));
            if (c.outcome === 'not_selected') expect(c.notSelectedBecause).toBeTruthy();
          }
        }
      }),
      RUNS,
    );
  });

  it('adds the totals exactly from the shipments', () => {
    fc.assert(
      fc.property(requestArbitrary, (request) => {
        const { totals, shipments } = sourceOrder(request);
        expect(totals.totalCostMinor).toBe(shipments.reduce((sum, s) => sum + s.shippingCostMinor + s.handlingCostMinor, 0));
        for (const s of shipments) expect(s.coveredMinor).toBeLessThanOrEqual(s.valueMinor);
        expect(Number.isSafeInteger(totals.totalCostMinor)).toBe(true);
      }),
      RUNS,
    );
  });

  it('is deterministic whatever order the candidates arrive in', () => {
    fc.assert(
      fc.property(requestArbitrary, (request) => {
        const reversed = { ...request, candidates: [...request.candidates].reverse() };
        expect(sourceOrder(reversed)).toEqual(sourceOrder(request));
      }),
      { numRuns: 200 },
    );
  });
});
