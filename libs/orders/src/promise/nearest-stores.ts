import { distanceKm } from '../sourcing/geo';
import type { CandidateLocation, GeoPoint, MethodRule } from '../sourcing/sourcing-model';

export interface StoreChoice {
  locationId: string;
  name: string;
  distanceKm: number | null;
  handlingCostMinor: number;
}

/**
 * The stores that can hand over the whole cart today, nearest first: allowed for the collection
 * method by the rules (type and capabilities), not excluded, with capacity left, and holding every
 * SKU in the quantity asked (lines of one SKU added up). Without the customer's coordinates the
 * order is by location id, so the answer is still deterministic.
 */
export function nearestStoresServingToday(
  candidates: readonly CandidateLocation[],
  demand: ReadonlyMap<string, number>,
  rule: MethodRule,
  excluded: ReadonlySet<string>,
  from: GeoPoint | undefined,
  max: number,
): StoreChoice[] {
  return candidates
    .filter(
      (c) =>
        rule.allowedLocationTypes.includes(c.type) &&
        rule.requiredCapabilities.every((capability) => c.capabilities.includes(capability)) &&
        !excluded.has(c.locationId) &&
        (c.remainingCapacity === undefined || c.remainingCapacity > 0) &&
        [...demand].every(([sku, quantity]) => (c.atp[sku] ?? 0) >= quantity),
    )
    .map((c) => ({
      locationId: c.locationId,
      name: c.name ?? c.locationId,
      distanceKm: from && c.coordinates ? distanceKm(c.coordinates, from) : null,
      handlingCostMinor: c.handlingCostMinor,
    }))
    .sort(
      (a, b) =>
        (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) || (a.locationId < b.locationId ? -1 : a.locationId > b.locationId ? 1 : 0),
    )
    .slice(0, max);
}
