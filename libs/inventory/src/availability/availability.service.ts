import { Injectable } from '@nestjs/common';
import type { inventoryV1 } from '@baton/contracts';
import { ValidationError } from '@baton/domain';
import { requireIdentifier } from '../input-rules';
import { type AvailabilityQuery, type AvailabilityRow, AvailabilityRepository } from './availability.repository';
import { validateCart, validateFilter } from './availability-input';

/**
 * Available-to-promise: now (on hand − reserved − safety stock, never below zero — exactly what
 * the guarded reservation accepts) and by a date (plus open inbound supply expected by then), for
 * one SKU or a cart, across the network or restricted by location type, capability, group, ids,
 * radius or the nearest N to a point (partner scoping is the gateway's: it narrows locationIds).
 */
@Injectable()
export class AvailabilityService {
  constructor(private readonly availability: AvailabilityRepository) {}

  /**
   * Positions of one SKU. Without a filter: every position at an active location, in location
   * code order (what orders' sourcing has always read); with one, the filter's rules.
   */
  async getAvailability(request: inventoryV1.GetAvailabilityRequest): Promise<inventoryV1.StockPosition[]> {
    const violations = [...requireIdentifier('sku', request.sku), ...validateFilter(request.filter)];
    if (violations.length > 0) throw new ValidationError(violations);
    const filter = request.filter;
    const rows = await this.availability.find(queryOf([request.sku], filter, filter ? filter.includeUnavailable : true));
    return rows.map((row) => ({
      sku: row.sku,
      locationId: row.locationId,
      onHand: row.onHand,
      reserved: row.reserved,
      safetyStock: row.safetyStock,
      available: row.available,
    }));
  }

  /** Availability of every SKU of a cart per location, with the location facts sourcing scores on. */
  async getCartAvailability(request: inventoryV1.GetCartAvailabilityRequest): Promise<inventoryV1.GetCartAvailabilityResponse> {
    const violations = validateCart(request);
    if (violations.length > 0) throw new ValidationError(violations);
    const query = queryOf(request.skus, request.filter, request.filter?.includeUnavailable ?? false);
    const rows = await this.availability.find(query);
    const bySku = new Map<string, AvailabilityRow[]>(request.skus.map((sku) => [sku, []]));
    for (const row of rows) bySku.get(row.sku)?.push(row);
    return {
      skus: request.skus.map((sku) => {
        const locations = (bySku.get(sku) ?? []).map(toLocationAvailability);
        return {
          sku,
          totalAvailable: locations.reduce((sum, location) => sum + location.available, 0),
          totalAvailableByDate: locations.reduce((sum, location) => sum + location.availableByDate, 0),
          locations,
        };
      }),
      asOf: query.asOf ? query.asOf.toISOString() : '',
    };
  }
}

function queryOf(skus: string[], filter: inventoryV1.AvailabilityFilter | undefined, includeUnavailable: boolean): AvailabilityQuery {
  return {
    skus,
    locationTypes: filter?.locationTypes ?? [],
    capabilities: filter?.capabilities ?? [],
    groups: filter?.groups ?? [],
    locationIds: filter?.locationIds ?? [],
    excludeLocationIds: filter?.excludeLocationIds ?? [],
    near: filter?.near ?? null,
    radiusKm: filter?.radiusKm ? filter.radiusKm : null,
    nearest: filter?.nearest ?? 0,
    asOf: filter?.asOf ? new Date(filter.asOf) : null,
    includeUnavailable,
  };
}

function toLocationAvailability(row: AvailabilityRow): inventoryV1.LocationAvailability {
  return {
    locationId: row.locationId,
    locationCode: row.code,
    locationName: row.name,
    locationType: row.type,
    capabilities: row.capabilities,
    groups: row.groups,
    latitude: row.latitude,
    longitude: row.longitude,
    distanceKm: row.distanceKm === null ? undefined : Math.round(row.distanceKm * 1000) / 1000,
    onHand: row.onHand,
    reserved: row.reserved,
    safetyStock: row.safetyStock,
    available: row.available,
    inbound: row.inbound,
    availableByDate: row.available + row.inbound,
    dailyCapacity: row.dailyCapacity ?? undefined,
    handlingCostMinor: row.handlingCostMinor,
    partnerId: row.partnerId ?? '',
    timeZone: row.timeZone,
  };
}
