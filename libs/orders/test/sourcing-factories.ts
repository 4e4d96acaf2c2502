import type { DeliveryMethod } from '../src/sourcing/delivery-methods';
import type {
  CandidateLocation,
  CarrierService,
  SourcingLine,
  SourcingRequest,
} from '../src/sourcing/sourcing-model';

/** Amsterdam, where the hand-made networks deliver to. */
export const AMSTERDAM = { latitude: 52.3676, longitude: 4.9041 };
export const UTRECHT = { latitude: 52.0907, longitude: 5.1214 };
export const BERLIN = { latitude: 52.52, longitude: 13.405 };
export const ROTTERDAM = { latitude: 51.9244, longitude: 4.4777 };

/** 10:00 UTC on a Tuesday: before every cut-off of the test carriers. */
export const MORNING = '2026-12-01T10:00:00.000Z';
/** 17:00 UTC: after every cut-off. */
export const EVENING = '2026-12-01T17:00:00.000Z';

export function location(locationId: string, overrides: Partial<CandidateLocation> = {}): CandidateLocation {
  return {
    locationId,
    type: 'warehouse',
    capabilities: ['ship'],
    coordinates: UTRECHT,
    handlingCostMinor: 0,
    atp: {},
    ...overrides,
  };
}

export function line(lineId: string, sku: string, quantity: number, overrides: Partial<SourcingLine> = {}): SourcingLine {
  return {
    lineId,
    sku,
    quantity,
    unitValueMinor: 1000,
    unitWeightGrams: 500,
    deliveryMethod: 'ship_to_address' as DeliveryMethod,
    ...overrides,
  };
}

/** A table-rate service with zones by distance (near ≤ 50 km, region ≤ 300, far ≤ 1000) and one price per zone up to 20 kg. */
export function service(
  id: string,
  overrides: Partial<CarrierService> & { prices?: number[]; transit?: number[]; limitsKm?: number[] } = {},
): CarrierService {
  const { prices = [400, 500, 600], transit = [2, 3, 4], limitsKm = [50, 300, 1000], ...rest } = overrides;
  const codes = limitsKm.map((_, i) => ['near', 'region', 'far'][i] ?? `z${i}`);
  return {
    id,
    carrier: id.split(':')[0],
    name: id,
    currency: 'EUR',
    zones: limitsKm.map((maxDistanceKm, i) => ({ code: codes[i], maxDistanceKm })),
    transitDays: transit[0],
    transitDaysByZone: Object.fromEntries(codes.map((code, i) => [code, transit[i] ?? transit[0]])),
    rates: prices.map((priceMinor, i) => ({ zone: codes[i], maxWeightGrams: 20_000, priceMinor })),
    cutoffMinuteOfDay: 16 * 60,
    sameDay: false,
    timeWindow: false,
    insuredValueLimitMinor: 10_000,
    ...rest,
  };
}

/** Economy: cheap and slow, insures little. Express: dear, next day, insures more. Courier: same day in town. */
export const ECONOMY = service('eco:ground', { prices: [400, 500, 600], transit: [2, 3, 4], insuredValueLimitMinor: 10_000 });
export const EXPRESS = service('exp:air', { prices: [900, 1100, 1500], transit: [1, 1, 1], insuredValueLimitMinor: 50_000 });
export const COURIER = service('city:courier', {
  limitsKm: [30],
  prices: [1500],
  transit: [0],
  cutoffMinuteOfDay: 14 * 60,
  sameDay: true,
  timeWindow: true,
  insuredValueLimitMinor: 20_000,
});

export function request(overrides: Partial<SourcingRequest> = {}): SourcingRequest {
  return {
    now: MORNING,
    currency: 'EUR',
    lines: [],
    address: { coordinates: AMSTERDAM },
    candidates: [],
    carrierServices: [ECONOMY, EXPRESS, COURIER],
    strategy: 'cheapest',
    constraints: { excludedLocationIds: [], maxSplits: 3, keepLinesWhole: true },
    ...overrides,
  };
}
