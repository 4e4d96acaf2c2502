import type { Provider } from '@nestjs/common';
import type { fulfillmentV1 } from '@baton/contracts';
import { GrpcPeer, type ServiceConfig } from '@baton/platform';
import { FULFILLMENT_PEER } from '../grpc-peers';
import { CarriersHttpController } from './carriers.http-controller';
import { FulfillmentAccess } from './fulfillment-access';
import { FulfillmentSettingsHttpController } from './fulfillment-settings.http-controller';
import { FulfillmentsHttpController } from './fulfillments.http-controller';
import { PickListsHttpController } from './pick-lists.http-controller';
import { ShipmentsHttpController } from './shipments.http-controller';

/**
 * The fulfilment routes of the gateway: /v1/fulfillments, /v1/pick-lists, /v1/carriers,
 * /v1/shipments/{id}/label, /v1/fulfillment-locations and /v1/fulfillment-policy.
 */
export const FULFILLMENT_CONTROLLERS = [
  FulfillmentsHttpController,
  PickListsHttpController,
  CarriersHttpController,
  ShipmentsHttpController,
  FulfillmentSettingsHttpController,
];

/** The providers the fulfilment routes need, with the fulfillment gRPC peer at FULFILLMENT_GRPC_URL. */
export function fulfillmentProviders(config: ServiceConfig): Provider[] {
  return [
    FulfillmentAccess,
    {
      provide: FULFILLMENT_PEER,
      useFactory: () => {
        const address = config.peers.fulfillment;
        if (!address) throw new Error('The gateway needs FULFILLMENT_GRPC_URL');
        return new GrpcPeer<fulfillmentV1.FulfillmentServiceClient>('fulfillment', address, config.grpcTimeoutMs);
      },
    },
  ];
}
