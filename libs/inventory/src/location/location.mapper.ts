import type { inventoryV1 } from '@baton/contracts';
import type { AddressValue, LocationEntity } from './location.entity';
import type { LocationChanges, NewLocation } from './locations.repository';

/** The contract form of a location. */
export function toLocation(entity: LocationEntity): inventoryV1.Location {
  return {
    id: entity.id,
    code: entity.code,
    name: entity.name,
    type: entity.type,
    latitude: entity.latitude,
    longitude: entity.longitude,
    capabilities: entity.capabilities,
    active: entity.active,
    address: entity.address ?? undefined,
    timeZone: entity.timeZone,
    openingHours: entity.openingHours,
    dailyCapacity: entity.dailyCapacity ?? undefined,
    handlingCostMinor: entity.handlingCostMinor,
    partnerId: entity.partnerId ?? '',
    groups: entity.groups,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}

function addressOf(address: inventoryV1.Address): AddressValue {
  return {
    line1: address.line1.trim(),
    line2: address.line2.trim(),
    city: address.city.trim(),
    postalCode: address.postalCode.trim(),
    region: address.region.trim(),
    country: address.country,
  };
}

function hoursOf(intervals: inventoryV1.OpeningHours[]): LocationEntity['openingHours'] {
  return intervals.map(({ day, opens, closes }) => ({ day, opens, closes }));
}

/** The row of a new location from a validated request. */
export function newLocationOf(id: string, request: inventoryV1.CreateLocationRequest): NewLocation {
  const details = request.details;
  return {
    id,
    code: request.code,
    name: request.name.trim(),
    type: request.type,
    latitude: request.latitude,
    longitude: request.longitude,
    capabilities: request.capabilities,
    active: true,
    address: details?.address ? addressOf(details.address) : null,
    timeZone: details?.timeZone || 'UTC',
    openingHours: hoursOf(details?.openingHours ?? []),
    dailyCapacity: details?.dailyCapacity ?? null,
    handlingCostMinor: details?.handlingCostMinor ?? 0,
    partnerId: details?.partnerId || null,
    groups: details?.groups ?? [],
  };
}

/** The columns a validated update changes; unset fields are left out. */
export function changesOf(request: inventoryV1.UpdateLocationRequest): LocationChanges {
  const changes: LocationChanges = {};
  if (request.name !== undefined) changes.name = request.name.trim();
  if (request.type !== undefined) changes.type = request.type;
  if (request.latitude !== undefined) changes.latitude = request.latitude;
  if (request.longitude !== undefined) changes.longitude = request.longitude;
  if (request.capabilities) changes.capabilities = request.capabilities.values;
  if (request.address) changes.address = addressOf(request.address);
  if (request.timeZone !== undefined) changes.timeZone = request.timeZone || 'UTC';
  if (request.openingHours) changes.openingHours = hoursOf(request.openingHours.intervals);
  if (request.dailyCapacity !== undefined) changes.dailyCapacity = request.dailyCapacity;
  if (request.clearDailyCapacity) changes.dailyCapacity = null;
  if (request.handlingCostMinor !== undefined) changes.handlingCostMinor = request.handlingCostMinor;
  if (request.partnerId !== undefined) changes.partnerId = request.partnerId || null;
  if (request.groups) changes.groups = request.groups.values;
  return changes;
}
