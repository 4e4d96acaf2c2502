import type { inventoryV1 } from '@baton/contracts';
import type { CandidateLocation, DestinationLocation } from './sourcing-model';

/**
 * The engine's candidates from inventory's cart availability: one per location that answered for
 * any SKU, with its ATP per SKU, its facts, and the capacity fulfillment says it has left today.
 */
export function candidatesFromAvailability(
  skus: readonly inventoryV1.SkuAvailability[],
  remainingCapacity: ReadonlyMap<string, number | undefined>,
): CandidateLocation[] {
  const byId = new Map<string, CandidateLocation & { atp: Record<string, number> }>();
  for (const sku of skus) {
    for (const at of sku.locations) {
      let candidate = byId.get(at.locationId);
      if (!candidate) {
        candidate = {
          locationId: at.locationId,
          name: at.locationName,
          type: at.locationType,
          capabilities: at.capabilities,
          coordinates: { latitude: at.latitude, longitude: at.longitude },
          handlingCostMinor: at.handlingCostMinor,
          atp: {},
        };
        if (remainingCapacity.has(at.locationId)) {
          const remaining = remainingCapacity.get(at.locationId);
          if (remaining !== undefined) candidate.remainingCapacity = remaining;
        }
        byId.set(at.locationId, candidate);
      }
      candidate.atp[sku.sku] = (candidate.atp[sku.sku] ?? 0) + Math.max(0, at.available);
    }
  }
  return [...byId.values()];
}

/** A location the goods go to or are collected at, as the engine needs it. */
export function destinationFromLocation(location: inventoryV1.Location): DestinationLocation {
  const destination: DestinationLocation = {
    locationId: location.id,
    type: location.type,
    capabilities: location.capabilities,
    coordinates: { latitude: location.latitude, longitude: location.longitude },
  };
  if (location.address?.country) destination.country = location.address.country;
  return destination;
}
