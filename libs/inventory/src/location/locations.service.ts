import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { inventoryV1 } from '@baton/contracts';
import { ValidationError, type FieldViolation } from '@baton/domain';
import { DataSource } from 'typeorm';
import { InboundRepository } from '../inbound/inbound.repository';
import { requireUuid } from '../input-rules';
import { InventoryError } from '../inventory.errors';
import { decodePageToken, pageOf, pageSizeOf } from '../pagination';
import { isUniqueViolation } from '../postgres-errors';
import { ReservationsRepository } from '../reservation/reservations.repository';
import { StockMovementsRepository } from '../stock/stock-movements.repository';
import { StockPositionsRepository } from '../stock/stock-positions.repository';
import { changesOf, newLocationOf, toLocation } from './location.mapper';
import type { LocationEntity } from './location.entity';
import { validateCreateLocation, validateUpdateLocation } from './location-input';
import { LocationsRepository } from './locations.repository';

/**
 * The places stock can be. Invariants: a location code names one location per tenant; a request
 * with any bad field stores nothing; a location that ever held stock or took part in a movement,
 * reservation or inbound supply is never deleted — it is deactivated, which takes it out of
 * availability and sourcing while its stock and history stay.
 */
@Injectable()
export class LocationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly locations: LocationsRepository,
    private readonly positions: StockPositionsRepository,
    private readonly movements: StockMovementsRepository,
    private readonly reservations: ReservationsRepository,
    private readonly inbound: InboundRepository,
  ) {}

  async createLocation(request: inventoryV1.CreateLocationRequest): Promise<inventoryV1.Location> {
    reject(validateCreateLocation(request));
    try {
      return toLocation(await this.locations.insert(newLocationOf(randomUUID(), request)));
    } catch (error) {
      if (isUniqueViolation(error, 'locations_tenant_code_key')) {
        throw new InventoryError('LOCATION_CODE_TAKEN', `A location with code "${request.code}" already exists`, {
          code: request.code,
        });
      }
      throw error;
    }
  }

  async updateLocation(request: inventoryV1.UpdateLocationRequest): Promise<inventoryV1.Location> {
    reject(validateUpdateLocation(request));
    const location = await this.dataSource.transaction(async (manager) => {
      const updated = await this.locations.update(request.locationId, changesOf(request), manager);
      if (updated && request.type !== undefined) await this.positions.refreshLocationSafetyStock(manager, request.locationId);
      return updated;
    });
    return toLocation(this.found(request.locationId, location));
  }

  async deactivateLocation(request: inventoryV1.DeactivateLocationRequest): Promise<inventoryV1.Location> {
    return this.setActive(request.locationId, false);
  }

  async reactivateLocation(request: inventoryV1.ReactivateLocationRequest): Promise<inventoryV1.Location> {
    return this.setActive(request.locationId, true);
  }

  /** Deletes a location only if nothing ever referred to it; otherwise LOCATION_IN_USE (deactivate it). */
  async deleteLocation(request: inventoryV1.DeleteLocationRequest): Promise<void> {
    reject(requireUuid('locationId', request.locationId));
    await this.dataSource.transaction(async (manager) => {
      this.found(request.locationId, await this.locations.lock(manager, request.locationId));
      const id = request.locationId;
      const inUse =
        (await this.positions.existsAtLocation(manager, id)) ||
        (await this.movements.existsAtLocation(manager, id)) ||
        (await this.reservations.existsAtLocation(manager, id)) ||
        (await this.inbound.existsAtLocation(manager, id));
      if (inUse) {
        throw new InventoryError('LOCATION_IN_USE', 'The location has stock or history; deactivate it instead', {
          locationId: id,
        });
      }
      await this.locations.delete(manager, id);
    });
  }

  async getLocation(request: inventoryV1.GetLocationRequest): Promise<inventoryV1.Location> {
    reject(requireUuid('locationId', request.locationId));
    return toLocation(this.found(request.locationId, await this.locations.findById(request.locationId)));
  }

  /** A page of locations in code order, filtered by type, capabilities (all), groups (any) and partner. */
  async listLocations(request: inventoryV1.ListLocationsRequest): Promise<inventoryV1.ListLocationsResponse> {
    const limit = pageSizeOf(request.pageSize);
    const after = decodePageToken(request.pageToken, 1);
    const filter = request.filter;
    const partnerId = filter?.partnerId || undefined;
    const rows = await this.locations.page(
      {
        types: filter?.types,
        capabilities: filter?.capabilities,
        groups: filter?.groups,
        partnerId,
        includeInactive: filter?.includeInactive ?? true,
      },
      after ? String(after[0]) : undefined,
      limit + 1,
    );
    const page = pageOf(rows, limit, (row) => [row.code]);
    return { locations: page.rows.map(toLocation), nextPageToken: page.nextPageToken };
  }

  private async setActive(locationId: string, active: boolean): Promise<inventoryV1.Location> {
    reject(requireUuid('locationId', locationId));
    return toLocation(this.found(locationId, await this.locations.update(locationId, { active })));
  }

  private found(locationId: string, location: LocationEntity | null): LocationEntity {
    if (!location) {
      throw new InventoryError('LOCATION_NOT_FOUND', `No location with id "${locationId}"`, { locationId });
    }
    return location;
  }
}

function reject(violations: FieldViolation[]): void {
  if (violations.length > 0) throw new ValidationError(violations);
}
