import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { inventoryV1 } from '@baton/contracts';
import { GrpcPeer, SERVICE_CONFIG, type ServiceConfig } from '@baton/platform';

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

  /** ATP of every SKU per location, with the location facts sourcing needs. */
  async cartAvailability(skus: string[], filter: Partial<inventoryV1.AvailabilityFilter>): Promise<inventoryV1.SkuAvailability[]> {
    const response = await this.peer.call('getCartAvailability', {
      skus,
      filter: {
        locationTypes: [],
        capabilities: [],
        groups: [],
        locationIds: [],
        excludeLocationIds: [],
        radiusKm: 0,
        nearest: 0,
        asOf: '',
        includeUnavailable: false,
        ...filter,
      },
    });
    return response.skus;
  }

  async location(locationId: string): Promise<inventoryV1.Location | undefined> {
    return (await this.peer.call('getLocation', { locationId })).location;
  }

  async item(sku: string): Promise<inventoryV1.Item | undefined> {
    return (await this.peer.call('getItem', { sku })).item;
  }

  /** Open inbound supply (purchase orders, ASNs, transfers) of one SKU, every page. */
  async openInbound(sku: string): Promise<inventoryV1.InboundSupply[]> {
    const supplies: inventoryV1.InboundSupply[] = [];
    let pageToken: string | undefined;
    do {
      const page = await this.peer.call('listInboundSupplies', { kind: '', status: '', sku, locationId: '', pageSize: 200, pageToken });
      supplies.push(...page.supplies.filter((s) => s.status === 'open' || s.status === 'partially_received'));
      pageToken = page.nextPageToken || undefined;
    } while (pageToken);
    return supplies;
  }

  /** Reserves every line of the plan or none (inventory's guarantee); idempotent by line id. */
  async reservePlan(request: inventoryV1.ReservePlanRequest): Promise<inventoryV1.Reservation[]> {
    return (await this.peer.call('reservePlan', request)).reservations;
  }

  /** Makes held reservations permanent (no expiry) until released or consumed. */
  async confirmReservations(orderId: string, lineIds: string[]): Promise<inventoryV1.Reservation[]> {
    return (await this.peer.call('confirmReservations', { orderId, lineIds })).reservations;
  }

  /** Gives reserved units back; idempotent by reference. */
  async releaseReservations(orderId: string, lines: inventoryV1.LineQuantity[], reference: string, reason: string): Promise<void> {
    await this.peer.call('releaseReservations', { orderId, lines, reference, reason });
  }

  onModuleDestroy(): void {
    this.peer.close();
  }
}
