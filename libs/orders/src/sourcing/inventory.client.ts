import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { inventoryV1 } from '@baton/contracts';
import { GrpcPeer, SERVICE_CONFIG, type ServiceConfig } from '@baton/platform';
import type { LocationStock } from './choose-location';

/** How long inventory holds a placement's reservations before they expire on their own. */
export const RESERVATION_TTL_SECONDS = 900;

/**
 * Orders' only way to inventory: its gRPC API, through the platform's GrpcPeer, so the tenant and
 * correlation id travel with every call and inventory's refusals keep their kind and code.
 */
@Injectable()
export class InventoryClient implements OnModuleDestroy {
  private readonly peer: GrpcPeer<inventoryV1.InventoryServiceClient>;

  constructor(@Inject(SERVICE_CONFIG) config: ServiceConfig) {
    const address = config.peers.inventory;
    if (!address) throw new Error('The orders service needs the inventory gRPC address (INVENTORY_GRPC_URL)');
    this.peer = new GrpcPeer<inventoryV1.InventoryServiceClient>('inventory', address, config.grpcTimeoutMs);
  }

  /** Available-to-promise of one SKU at every location that has any. */
  async availability(sku: string): Promise<LocationStock[]> {
    const response = await this.peer.call('getAvailability', { sku });
    return response.positions
      .filter((position) => position.available > 0)
      .map((position) => ({ locationId: position.locationId, available: position.available }));
  }

  /** Reserves every line of the plan or none (inventory's guarantee); idempotent by line id. */
  async reservePlan(request: inventoryV1.ReservePlanRequest): Promise<inventoryV1.Reservation[]> {
    const response = await this.peer.call('reservePlan', request);
    return response.reservations;
  }

  onModuleDestroy(): void {
    this.peer.close();
  }
}
