import type { Provider } from '@nestjs/common';
import type { returnsV1 } from '@baton/contracts';
import { GrpcPeer, type ServiceConfig } from '@baton/platform';
import { RETURNS_PEER } from '../grpc-peers';
import { OrderReturnableHttpController } from './order-returnable.http-controller';
import { ReturnAccess } from './return-access';
import { ReturnHandlingHttpController } from './return-handling.http-controller';
import { ReturnPolicyHttpController } from './return-policy.http-controller';
import { ReturnsHttpController } from './returns.http-controller';

/** The return routes of the gateway: /v1/returns, /v1/orders/{id}/returnable and /v1/return-policy. */
export const RETURNS_CONTROLLERS = [ReturnsHttpController, ReturnHandlingHttpController, OrderReturnableHttpController, ReturnPolicyHttpController];

/** The providers the return routes need, with the returns gRPC peer at RETURNS_GRPC_URL. */
export function returnsProviders(config: ServiceConfig): Provider[] {
  return [
    ReturnAccess,
    {
      provide: RETURNS_PEER,
      useFactory: () => {
        const address = config.peers.returns;
        if (!address) throw new Error('The gateway needs RETURNS_GRPC_URL');
        return new GrpcPeer<returnsV1.ReturnsServiceClient>('returns', address, config.grpcTimeoutMs);
      },
    },
  ];
}
