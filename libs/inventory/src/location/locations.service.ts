import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { inventoryV1 } from '@baton/contracts';
import { ValidationError } from '@baton/domain';
import { InventoryError } from '../inventory.errors';
import { isUniqueViolation } from '../postgres-errors';
import type { LocationEntity } from './location.entity';
import { validateCreateLocation } from './location-input';
import { LocationsRepository } from './locations.repository';

/**
 * Registers the places stock can be. Invariant: a location code names one location per tenant;
 * a request with any bad field stores nothing.
 */
@Injectable()
export class LocationsService {
  constructor(private readonly locations: LocationsRepository) {}

  async createLocation(request: inventoryV1.CreateLocationRequest): Promise<inventoryV1.Location> {
    const violations = validateCreateLocation(request);
    if (violations.length > 0) throw new ValidationError(violations);
    try {
      const location = await this.locations.insert({
        id: randomUUID(),
        code: request.code,
        name: request.name.trim(),
        type: request.type,
        latitude: request.latitude,
        longitude: request.longitude,
        capabilities: request.capabilities,
        active: true,
      });
      return toLocation(location);
    } catch (error) {
      if (isUniqueViolation(error, 'locations_tenant_code_key')) {
        throw new InventoryError('LOCATION_CODE_TAKEN', `A location with code "${request.code}" already exists`, {
          code: request.code,
        });
      }
      throw error;
    }
  }

  async listLocations(): Promise<inventoryV1.Location[]> {
    return (await this.locations.findAll()).map(toLocation);
  }
}

function toLocation(entity: LocationEntity): inventoryV1.Location {
  return {
    id: entity.id,
    code: entity.code,
    name: entity.name,
    type: entity.type,
    latitude: entity.latitude,
    longitude: entity.longitude,
    capabilities: entity.capabilities,
    active: entity.active,
  };
}
