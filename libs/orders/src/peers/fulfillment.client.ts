import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { fulfillmentV1 } from '@baton/contracts';
import { GrpcPeer, SERVICE_CONFIG, type ServiceConfig } from '@baton/platform';
import { ORDERS_SETTINGS, type OrdersSettings } from '../orders-settings';

/**
 * What orders asks of fulfillment: how much work each location can still take today (for
 * sourcing), and what work exists for an order (before a cancellation). Both are advisory: when
 * fulfillment does not answer, sourcing goes on without capacity figures and a cancellation says
 * it could not consult fulfillment, rather than failing the customer's request.
 */
@Injectable()
export class FulfillmentClient implements OnModuleDestroy {
  private readonly logger = new Logger(FulfillmentClient.name);
  private readonly peer: GrpcPeer<fulfillmentV1.FulfillmentServiceClient> | undefined;

  constructor(@Inject(SERVICE_CONFIG) config: ServiceConfig, @Inject(ORDERS_SETTINGS) settings: OrdersSettings) {
    const address = config.peers.fulfillment;
    this.peer =
      settings.consultFulfillment && address
        ? new GrpcPeer<fulfillmentV1.FulfillmentServiceClient>('fulfillment', address, Math.min(config.grpcTimeoutMs, 2000))
        : undefined;
  }

  /** Remaining capacity per location today (undefined = unlimited); an empty map when fulfillment did not answer. */
  async remainingCapacity(locationIds: string[]): Promise<Map<string, number | undefined>> {
    const result = new Map<string, number | undefined>();
    if (!this.peer || locationIds.length === 0) return result;
    try {
      const { loads } = await this.peer.call('getLocationLoad', { locationIds });
      for (const load of loads) result.set(load.locationId, load.remainingToday < 0 ? undefined : load.remainingToday);
    } catch (error) {
      this.logger.warn(`Location load unavailable, sourcing without capacity figures: ${String(error)}`);
    }
    return result;
  }

  /** The order's fulfilment work, or undefined when fulfillment did not answer. */
  async orderFulfillments(orderId: string): Promise<fulfillmentV1.Fulfillment[] | undefined> {
    if (!this.peer) return undefined;
    try {
      return (await this.peer.call('listOrderFulfillments', { orderId })).fulfillments;
    } catch (error) {
      this.logger.warn(`Fulfilments of order ${orderId} unavailable: ${String(error)}`);
      return undefined;
    }
  }

  onModuleDestroy(): void {
    this.peer?.close();
  }
}
