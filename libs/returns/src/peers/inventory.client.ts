import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { inventoryV1 } from '@baton/contracts';
import { DomainError, ValidationError } from '@baton/domain';
import { GrpcPeer, SERVICE_CONFIG, type ServiceConfig } from '@baton/platform';
import { ReturnsError } from '../return/returns.errors';

/** The capability a location needs to take returns in (inventory's vocabulary). */
export const ACCEPT_RETURNS = 'accept_returns';

/**
 * Reads locations and items from inventory over gRPC: a return may only be brought to, or
 * received at, an active location that accepts returns; units may only be sent on to a location
 * that exists, and an unexpected item may only enter stock under a SKU inventory knows.
 */
@Injectable()
export class InventoryClient implements OnModuleDestroy {
  private readonly peer: GrpcPeer<inventoryV1.InventoryServiceClient>;

  constructor(@Inject(SERVICE_CONFIG) config: ServiceConfig) {
    const address = config.peers.inventory;
    if (!address) throw new Error('The returns service needs the inventory gRPC address (INVENTORY_GRPC_URL)');
    this.peer = new GrpcPeer<inventoryV1.InventoryServiceClient>('inventory', address, config.grpcTimeoutMs);
  }

  /** The location, or a 400 naming `field` when inventory does not know it. */
  async location(locationId: string, field: string): Promise<inventoryV1.Location> {
    try {
      const { location } = await this.peer.call('getLocation', { locationId });
      if (location) return location;
    } catch (error) {
      if (!(error instanceof DomainError && (error.kind === 'not_found' || error.kind === 'invalid'))) throw error;
    }
    throw new ValidationError([{ field, message: `is not a known location (${locationId})` }]);
  }

  /** Refuses (422) a location that is inactive or does not accept returns. */
  async assertAcceptsReturns(locationId: string, field: string): Promise<inventoryV1.Location> {
    const location = await this.location(locationId, field);
    if (!location.active || !location.capabilities.includes(ACCEPT_RETURNS)) {
      throw new ReturnsError('LOCATION_NOT_ACCEPTING_RETURNS', `Location ${location.code} does not accept returns`, {
        field,
        locationId,
        active: location.active,
        capabilities: location.capabilities,
      });
    }
    return location;
  }

  /** Checks every named location exists, reporting all unknown ones at once. */
  async assertKnown(locations: ReadonlyArray<{ field: string; locationId: string }>): Promise<void> {
    const unknown: Array<{ field: string; message: string }> = [];
    const seen = new Map<string, boolean>();
    for (const { field, locationId } of locations) {
      let known = seen.get(locationId);
      if (known === undefined) {
        try {
          await this.location(locationId, field);
          known = true;
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          known = false;
        }
        seen.set(locationId, known);
      }
      if (!known) unknown.push({ field, message: `is not a known location (${locationId})` });
    }
    if (unknown.length > 0) throw new ValidationError(unknown);
  }

  /** Refuses (400, naming each field) SKUs inventory does not know. */
  async assertItemsKnown(items: ReadonlyArray<{ field: string; sku: string }>): Promise<void> {
    const unknown: Array<{ field: string; message: string }> = [];
    for (const { field, sku } of items) {
      try {
        await this.peer.call('getItem', { sku });
      } catch (error) {
        if (!(error instanceof DomainError && (error.kind === 'not_found' || error.kind === 'invalid'))) throw error;
        unknown.push({ field, message: `names an item inventory does not know (${sku}); it cannot enter stock` });
      }
    }
    if (unknown.length > 0) throw new ValidationError(unknown);
  }

  onModuleDestroy(): void {
    this.peer.close();
  }
}
