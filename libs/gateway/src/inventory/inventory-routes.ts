import type { OnModuleDestroy, Provider } from '@nestjs/common';
import type { inventoryV1 } from '@baton/contracts';
import { GrpcPeer, type ServiceConfig } from '@baton/platform';
import { INVENTORY_PEER } from '../grpc-peers';
import { AvailabilityHttpController } from './availability.http-controller';
import { FeedUploadClient } from './feed-upload.client';
import { FeedsHttpController } from './feeds.http-controller';
import { InboundHttpController } from './inbound.http-controller';
import { InventoryAccess } from './inventory-access';
import { ItemsHttpController } from './items.http-controller';
import { LocationsHttpController } from './locations.http-controller';
import { ReservationsHttpController } from './reservations.http-controller';
import { StockHttpController } from './stock.http-controller';

/** The inventory routes: /v1/locations, /v1/items, /v1/inventory, /v1/inbound, /v1/reservations, /v1/feeds. */
export const INVENTORY_CONTROLLERS = [
  LocationsHttpController,
  ItemsHttpController,
  AvailabilityHttpController,
  StockHttpController,
  InboundHttpController,
  ReservationsHttpController,
  FeedsHttpController,
];

function inventoryAddress(config: ServiceConfig): string {
  const address = config.peers.inventory;
  if (!address) throw new Error('The gateway needs INVENTORY_GRPC_URL');
  return address;
}

/** Closes a gRPC client when the gateway stops. */
function closing<T extends { close(): void }>(client: T): T & OnModuleDestroy {
  return Object.assign(client, { onModuleDestroy: () => client.close() });
}

/** The providers the inventory routes need: the inventory gRPC peer at INVENTORY_GRPC_URL and the feed stream client. */
export function inventoryProviders(config: ServiceConfig): Provider[] {
  return [
    InventoryAccess,
    {
      provide: INVENTORY_PEER,
      useFactory: () =>
        closing(new GrpcPeer<inventoryV1.InventoryServiceClient>('inventory', inventoryAddress(config), config.grpcTimeoutMs)),
    },
    {
      provide: FeedUploadClient,
      useFactory: () => closing(new FeedUploadClient(inventoryAddress(config), config.grpcTimeoutMs)),
    },
  ];
}
