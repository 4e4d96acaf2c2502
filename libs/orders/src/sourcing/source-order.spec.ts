import {
  AMSTERDAM,
  BERLIN,
  COURIER,
  ECONOMY,
  EVENING,
  EXPRESS,
  ROTTERDAM,
  UTRECHT,
  line,
  location,
  request,
} from '../../test/sourcing-factories';
import { sourceOrder } from './source-order';
import type { CandidateLocation, SourcingRequest, SourcingResult } from './sourcing-model';

/**
 * The hand-made network: a cheap-to-handle warehouse far away (Berlin), a near warehouse
 * (Utrecht) and a store in the destination city (Amsterdam) that can also hand over and deliver
 * the same day. Economy is cheap and slow, express next-day and dear, the courier same-day in town.
 */
function network(atp: { berlin?: Record<string, number>; utrecht?: Record<string, number>; amsterdam?: Record<string, number> } = {}) {
  return [
    location('wh-berlin', { coordinates: BERLIN, handlingCostMinor: 200, atp: atp.berlin ?? { A: 10, B: 10 } }),
    location('wh-utrecht', { coordinates: UTRECHT, handlingCostMinor: 300, atp: atp.utrecht ?? { A: 10 } }),
    location('st-amsterdam', {
      type: 'store',
      capabilities: ['ship', 'pickup', 'same_day'],
      coordinates: AMSTERDAM,
      handlingCostMinor: 500,
      atp: atp.amsterdam ?? { A: 5, B: 5 },
    }),
  ];
}

function placedAt(result: SourcingResult): Array<[string, string, number]> {
  return result.allocations.map((a) => [a.lineId, a.locationId, a.quantity]);
}

function candidate(result: SourcingResult, locationId: string, group = 0) {
  const found = result.explanation.groups[group].candidates.find((c) => c.locationId === locationId);
  if (!found) throw new Error(`${locationId} is not in the explanation`);
  return found;
}

describe(sourceOrder.name, () => {
  describe('strategies on the hand-made network', () => {
    const one = (overrides: Partial<SourcingRequest> = {}) =>
      sourceOrder(request({ lines: [line('l1', 'A', 1)], candidates: network(), ...overrides }));

    it('cheapest: the near warehouse by economy (300 handling + 400 zone-1 rate)', () => {
      const result = one({ strategy: 'cheapest' });
      expect(placedAt(result)).toEqual([['l1', 'wh-utrecht', 1]]);
      expect(result.shipments[0]).toMatchObject({ carrierServiceId: 'eco:ground', shippingCostMinor: 400, handlingCostMinor: 300, etaDays: 2 });
      expect(result.totals).toMatchObject({ totalCostMinor: 700, latestEtaDate: '2026-12-03' });
    });

    it('fastest: the store in town by same-day courier, though it costs most', () => {
      const result = one({ strategy: 'fastest' });
      expect(placedAt(result)).toEqual([['l1', 'st-amsterdam', 1]]);
      expect(result.shipments[0]).toMatchObject({ carrierServiceId: 'city:courier', etaDays: 0, etaDate: '2026-12-01' });
      expect(result.totals.totalCostMinor).toBe(2000);
    });

    it('best coverage: the service that insures the whole value, from where it is cheapest', () => {
      const result = sourceOrder(
        request({ strategy: 'best_coverage', lines: [line('l1', 'A', 1, { unitValueMinor: 40_000 })], candidates: network() }),
      );
      expect(placedAt(result)).toEqual([['l1', 'wh-utrecht', 1]]);
      expect(result.shipments[0]).toMatchObject({ carrierServiceId: 'exp:air', coveredMinor: 40_000 });
      const cheapest = sourceOrder(
        request({ strategy: 'cheapest', lines: [line('l1', 'A', 1, { unitValueMinor: 40_000 })], candidates: network() }),
      );
      expect(cheapest.totals.coveredMinor).toBe(10_000);
    });

    it('fewest splits: one far location for both lines where cheapest splits over two', () => {
      const candidates = network({ berlin: { A: 1, B: 1 }, utrecht: { A: 1 }, amsterdam: { B: 1 } });
      candidates[0] = { ...candidates[0], handlingCostMinor: 2000 };
      const lines = [line('l1', 'A', 1), line('l2', 'B', 1)];

      const fewest = sourceOrder(request({ strategy: 'fewest_splits', lines, candidates }));
      expect(placedAt(fewest)).toEqual([
        ['l1', 'wh-berlin', 1],
        ['l2', 'wh-berlin', 1],
      ]);
      expect(fewest.totals).toMatchObject({ shipments: 1, totalCostMinor: 2600 });

      const cheapest = sourceOrder(request({ strategy: 'cheapest', lines, candidates }));
      expect(placedAt(cheapest)).toEqual([
        ['l1', 'wh-utrecht', 1],
        ['l2', 'st-amsterdam', 1],
      ]);
      expect(cheapest.totals).toMatchObject({ shipments: 2, totalCostMinor: 1600 });
    });

    it('weighted: follows the tenant’s weights', () => {
      const costOnly = one({ strategy: 'weighted', weights: { cost: 1, etaDay: 0, split: 0, uninsured: 0, distanceKm: 0 } });
      expect(placedAt(costOnly)).toEqual([['l1', 'wh-utrecht', 1]]);
      const timeMatters = one({ strategy: 'weighted', weights: { cost: 0.01, etaDay: 100, split: 0, uninsured: 0, distanceKm: 0 } });
      expect(placedAt(timeMatters)).toEqual([['l1', 'st-amsterdam', 1]]);
      expect(timeMatters.shipments[0].carrierServiceId).toBe('city:courier');
    });

    it('weighted: a split penalty keeps two lines together', () => {
      const candidates = network({ berlin: { A: 1, B: 1 }, utrecht: { A: 1 }, amsterdam: { B: 1 } });
      candidates[0] = { ...candidates[0], handlingCostMinor: 2000 };
      const lines = [line('l1', 'A', 1), line('l2', 'B', 1)];
      const noPenalty = sourceOrder(
        request({ strategy: 'weighted', lines, candidates, weights: { cost: 1, etaDay: 0, split: 0, uninsured: 0, distanceKm: 0 } }),
      );
      expect(noPenalty.totals.shipments).toBe(2);
      const penalty = sourceOrder(
        request({ strategy: 'weighted', lines, candidates, weights: { cost: 1, etaDay: 0, split: 100, uninsured: 0, distanceKm: 0 } }),
      );
      expect(penalty.totals.shipments).toBe(1);
      expect(penalty.allocations.every((a) => a.locationId === 'wh-berlin')).toBe(true);
    });
  });

  describe('constraints', () => {
    it('serves same-day only from locations with the capability, before the courier’s cut-off', () => {
      const result = sourceOrder(request({ strategy: 'cheapest', lines: [line('l1', 'A', 1, { deliveryMethod: 'same_day' })], candidates: network() }));
      expect(placedAt(result)).toEqual([['l1', 'st-amsterdam', 1]]);
      expect(candidate(result, 'wh-utrecht').rejections.map((r) => r.code)).toEqual(['MISSING_CAPABILITY']);

      const late = sourceOrder(
        request({ now: EVENING, lines: [line('l1', 'A', 1, { deliveryMethod: 'same_day' })], candidates: network() }),
      );
      expect(late.complete).toBe(false);
      expect(late.unfulfillable).toEqual([expect.objectContaining({ lineId: 'l1', reason: 'NO_ELIGIBLE_LOCATION' })]);
      expect(candidate(late, 'st-amsterdam').rejections).toEqual([
        expect.objectContaining({ code: 'NO_CARRIER_SERVICE', detail: expect.stringContaining('past its same-day cut-off') }),
      ]);
    });

    it('drop-ships only from suppliers', () => {
      const candidates = [...network(), location('sup-rotterdam', { type: 'supplier', coordinates: ROTTERDAM, atp: { A: 100 } })];
      const result = sourceOrder(request({ lines: [line('l1', 'A', 1, { deliveryMethod: 'drop_ship' })], candidates }));
      expect(placedAt(result)).toEqual([['l1', 'sup-rotterdam', 1]]);
      expect(result.shipments[0].shippingCostMinor).toBe(500);
      for (const id of ['wh-berlin', 'wh-utrecht', 'st-amsterdam']) {
        expect(candidate(result, id).rejections.map((r) => r.code)).toContain('TYPE_NOT_ALLOWED');
      }
    });

    it('follows a tenant’s own rule for a delivery method', () => {
      const result = sourceOrder(
        request({
          strategy: 'fastest',
          lines: [line('l1', 'A', 1)],
          candidates: network(),
          constraints: {
            excludedLocationIds: [],
            maxSplits: 3,
            keepLinesWhole: true,
            methods: { ship_to_address: { allowedLocationTypes: ['warehouse'], requiredCapabilities: ['ship'] } },
          },
        }),
      );
      expect(placedAt(result)).toEqual([['l1', 'wh-utrecht', 1]]);
      expect(candidate(result, 'st-amsterdam')).toMatchObject({ outcome: 'rejected', rejections: [expect.objectContaining({ code: 'TYPE_NOT_ALLOWED' })] });
    });

    it('never uses an excluded location', () => {
      const result = sourceOrder(
        request({
          lines: [line('l1', 'A', 1)],
          candidates: network(),
          constraints: { excludedLocationIds: ['wh-utrecht'], maxSplits: 3, keepLinesWhole: true },
        }),
      );
      expect(placedAt(result)).toEqual([['l1', 'wh-berlin', 1]]);
      expect(candidate(result, 'wh-utrecht').rejections.map((r) => r.code)).toEqual(['EXCLUDED']);
    });

    it('respects the remaining capacity of a location', () => {
      const candidates = network().map((c): CandidateLocation => {
        if (c.locationId === 'wh-utrecht') return { ...c, remainingCapacity: 0 };
        if (c.locationId === 'st-amsterdam') return { ...c, remainingCapacity: 1 };
        return c;
      });
      const result = sourceOrder(request({ lines: [line('l1', 'A', 3)], candidates }));
      expect(placedAt(result)).toEqual([['l1', 'wh-berlin', 3]]);
      expect(candidate(result, 'wh-utrecht').rejections.map((r) => r.code)).toEqual(['NO_CAPACITY']);
      expect(candidate(result, 'st-amsterdam').outcome).toBe('not_selected');
    });

    it('keeps a line whole unless told it may be split', () => {
      const lines = [line('l1', 'A', 12)];
      const whole = sourceOrder(request({ lines, candidates: network() }));
      expect(whole.allocations).toEqual([]);
      expect(whole.unfulfillable).toEqual([
        expect.objectContaining({ lineId: 'l1', reason: 'INSUFFICIENT_STOCK', bestLocationAvailable: 10, eligibleAvailable: 25 }),
      ]);

      const split = sourceOrder(request({ lines, candidates: network(), constraints: { excludedLocationIds: [], maxSplits: 3, keepLinesWhole: false } }));
      expect(split.complete).toBe(true);
      expect(split.allocations.reduce((sum, a) => sum + a.quantity, 0)).toBe(12);
      expect(split.allocations.length).toBeGreaterThan(1);
    });

    it('does not split a group beyond the maximum and says which line that leaves', () => {
      const candidates = network({ berlin: {}, utrecht: { A: 1 }, amsterdam: { B: 1 } });
      const result = sourceOrder(
        request({ lines: [line('l1', 'A', 1), line('l2', 'B', 1)], candidates, constraints: { excludedLocationIds: [], maxSplits: 0, keepLinesWhole: true } }),
      );
      expect(result.allocations).toHaveLength(1);
      expect(result.unfulfillable).toEqual([expect.objectContaining({ reason: 'MAX_SPLITS_REACHED' })]);
      expect(result.explanation.groups[0].plans.map((p) => p.outcome)).toContain('over_max_splits');
    });
  });

  describe('delivery methods', () => {
    it('hands over click-and-collect only at the chosen store, with no carrier', () => {
      const result = sourceOrder(
        request({ lines: [line('l1', 'A', 2, { deliveryMethod: 'click_and_collect', destinationLocationId: 'st-amsterdam' })], candidates: network() }),
      );
      expect(placedAt(result)).toEqual([['l1', 'st-amsterdam', 2]]);
      expect(result.shipments[0]).toMatchObject({ carrierServiceId: null, shippingCostMinor: 0, handlingCostMinor: 500, etaDays: 0 });
      expect(candidate(result, 'wh-utrecht').rejections.map((r) => r.code)).toEqual(
        expect.arrayContaining(['TYPE_NOT_ALLOWED', 'MISSING_CAPABILITY', 'NOT_THE_PICKUP_LOCATION']),
      );
    });

    it('plans a mixed cart: the collect line takes the store’s last unit, the delivered line goes elsewhere', () => {
      const result = sourceOrder(
        request({
          strategy: 'fastest',
          lines: [
            line('deliver', 'A', 1),
            line('collect', 'A', 1, { deliveryMethod: 'click_and_collect', destinationLocationId: 'st-amsterdam' }),
          ],
          candidates: network({ amsterdam: { A: 1 } }),
        }),
      );
      expect(placedAt(result)).toEqual([
        ['deliver', 'wh-utrecht', 1],
        ['collect', 'st-amsterdam', 1],
      ]);
      expect(result.explanation.groups.map((g) => g.groupKey)).toEqual(['click_and_collect@st-amsterdam', 'ship_to_address']);
      expect(candidate(result, 'st-amsterdam', 1)).toMatchObject({ outcome: 'rejected', rejections: [expect.objectContaining({ code: 'NO_STOCK' })] });
    });

    it('ships to a store from warehouses only, priced to the store', () => {
      const result = sourceOrder(
        request({
          address: undefined,
          lines: [line('l1', 'A', 1, { deliveryMethod: 'ship_to_store', destinationLocationId: 'st-amsterdam' })],
          candidates: network(),
        }),
      );
      expect(placedAt(result)).toEqual([['l1', 'wh-utrecht', 1]]);
      expect(result.shipments[0]).toMatchObject({ destinationLocationId: 'st-amsterdam', shippingCostMinor: 400 });
    });

    it('refuses a transfer to an unknown location or to one that does not receive transfers', () => {
      const unknown = sourceOrder(
        request({ lines: [line('l1', 'A', 1, { deliveryMethod: 'transfer', destinationLocationId: 'nowhere' })], candidates: network() }),
      );
      expect(unknown.unfulfillable).toEqual([expect.objectContaining({ reason: 'DESTINATION_UNKNOWN' })]);
      const incapable = sourceOrder(
        request({ lines: [line('l1', 'A', 1, { deliveryMethod: 'transfer', destinationLocationId: 'st-amsterdam' })], candidates: network() }),
      );
      expect(incapable.unfulfillable).toEqual([expect.objectContaining({ reason: 'DESTINATION_NOT_CAPABLE' })]);
      const ok = sourceOrder(
        request({
          lines: [line('l1', 'A', 1, { deliveryMethod: 'transfer', destinationLocationId: 'st-new' })],
          candidates: network(),
          destinationLocations: [{ locationId: 'st-new', type: 'store', capabilities: ['receive_transfers'], coordinates: AMSTERDAM }],
        }),
      );
      expect(placedAt(ok)).toEqual([['l1', 'wh-utrecht', 1]]);
    });

    it('delivers in a requested window only with a window-capable service that can make it', () => {
      const lines = [line('l1', 'A', 1, { deliveryMethod: 'scheduled_window' })];
      const result = sourceOrder(
        request({ lines, candidates: network(), requestedWindow: { from: '2026-12-03T14:00:00Z', to: '2026-12-03T16:00:00Z' } }),
      );
      expect(placedAt(result)).toEqual([['l1', 'st-amsterdam', 1]]);
      expect(result.shipments[0]).toMatchObject({ carrierServiceId: 'city:courier', etaDate: '2026-12-03' });
      expect(candidate(result, 'wh-utrecht').rejections[0].detail).toContain('no time-window delivery');
    });
  });

  describe('explanation', () => {
    it('lists every candidate with its scores, and a reason for every one not used', () => {
      const result = sourceOrder(request({ strategy: 'cheapest', lines: [line('l1', 'A', 1), line('l2', 'C', 1)], candidates: network() }));
      const [group] = result.explanation.groups;
      expect(group.candidates.map((c) => c.locationId).sort()).toEqual(['st-amsterdam', 'wh-berlin', 'wh-utrecht']);
      expect(candidate(result, 'wh-utrecht')).toMatchObject({
        outcome: 'selected',
        scores: { distanceKm: expect.any(Number), shippingCostMinor: 400, handlingCostMinor: 300, etaDays: 2, linesCoverable: 1 },
      });
      for (const c of group.candidates.filter((c) => c.outcome === 'not_selected')) {
        expect(['OUTSCORED', 'NOT_NEEDED']).toContain(c.notSelectedBecause);
      }
      expect(result.unfulfillable).toEqual([
        expect.objectContaining({ lineId: 'l2', sku: 'C', reason: 'INSUFFICIENT_STOCK', eligibleAvailable: 0 }),
      ]);
      expect(group.plans.find((p) => p.outcome === 'chosen')).toMatchObject({ locationIds: ['wh-utrecht'], costMinor: 700 });
    });

    it('gives every rejected candidate at least one coded reason', () => {
      const result = sourceOrder(
        request({
          lines: [line('l1', 'A', 1, { deliveryMethod: 'same_day' })],
          candidates: [
            ...network(),
            location('sup-x', { type: 'supplier', atp: { A: 1 } }),
            location('wh-full', { remainingCapacity: 0, atp: { A: 5 } }),
          ],
          constraints: { excludedLocationIds: ['wh-berlin'], maxSplits: 0, keepLinesWhole: true },
        }),
      );
      const rejected = result.explanation.groups[0].candidates.filter((c) => c.outcome === 'rejected');
      expect(rejected.map((c) => c.locationId).sort()).toEqual(['sup-x', 'wh-berlin', 'wh-full', 'wh-utrecht']);
      for (const c of rejected) expect(c.rejections.length).toBeGreaterThan(0);
      expect(candidate(result, 'wh-berlin').rejections.map((r) => r.code)).toEqual(['EXCLUDED', 'MISSING_CAPABILITY']);
    });
  });

  describe('money', () => {
    it('adds costs and values exactly in minor units', () => {
      const result = sourceOrder(
        request({
          strategy: 'fewest_splits',
          lines: [line('l1', 'A', 3, { unitValueMinor: 3333 }), line('l2', 'B', 7, { unitValueMinor: 1 })],
          candidates: network(),
        }),
      );
      expect(result.totals.valueMinor).toBe(3 * 3333 + 7);
      expect(result.totals.totalCostMinor).toBe(result.totals.shippingCostMinor + result.totals.handlingCostMinor);
      expect(result.totals.coveredMinor).toBe(Math.min(10_006, result.shipments[0].coveredMinor));
    });

    it('stays exact for amounts far beyond 2^32', () => {
      const result = sourceOrder(
        request({
          strategy: 'best_coverage',
          lines: [line('l1', 'A', 1000, { unitValueMinor: 1_000_000_000_000, unitWeightGrams: 1 })],
          candidates: [location('wh', { atp: { A: 1000 } })],
          carrierServices: [{ ...EXPRESS, insuredValueLimitMinor: 999_999_999_999_999 }, ECONOMY],
        }),
      );
      expect(result.totals.valueMinor).toBe(1_000_000_000_000_000);
      expect(result.totals.coveredMinor).toBe(999_999_999_999_999);
      expect(Number.isSafeInteger(result.totals.coveredMinor)).toBe(true);
    });
  });

  it('gives the same plan whatever order the candidates and services arrive in', () => {
    const base = request({ strategy: 'weighted', lines: [line('l1', 'A', 2), line('l2', 'B', 1)], candidates: network() });
    const shuffled = { ...base, candidates: [...base.candidates].reverse(), carrierServices: [COURIER, EXPRESS, ECONOMY] };
    expect(sourceOrder(shuffled)).toEqual(sourceOrder(base));
  });
});
