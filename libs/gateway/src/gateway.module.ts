import { DynamicModule, Inject, Module, type OnModuleDestroy } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { ordersV1, trackingV1 } from '@baton/contracts';
import { GrpcPeer, PlatformModule, ServiceConfig, ServiceMetrics, typeOrmOptions } from '@baton/platform';
import { AccessModule } from './access.module';
import { ApiKeyEntity } from './auth/api-key.entity';
import { PartnerLocationEntity } from './auth/partner-location.entity';
import { PartnerEntity } from './auth/partner.entity';
import { TenantEntity } from './auth/tenant.entity';
import { GatewaySettings } from './gateway-config';
import { ORDERS_PEER, type OrdersPeer, TRACKING_PEER, type TrackingPeer } from './grpc-peers';
import { IdempotencyKeyEntity } from './idempotency/idempotency-key.entity';
import { CreateAuthTables1732700000100 } from './migrations/1732700000100-create-auth-tables';
import { PartnersKeysIdempotencyChannels1732700000110 } from './migrations/1732700000110-partners-keys-idempotency-channels';
import { ChannelConnectionEntity } from './orders/channels/connections/channel-connection.entity';
import { ORDERS_CONTROLLERS, ORDERS_PROVIDERS } from './orders/orders-routes';
import { TRACKING_CONTROLLERS, TRACKING_PROVIDERS } from './tracking/tracking-routes';
import { RETURNS_CONTROLLERS, returnsProviders } from './returns/returns-routes';
import { FULFILLMENT_CONTROLLERS, fulfillmentProviders } from './fulfillment/fulfillment-routes';
import { INVENTORY_CONTROLLERS, inventoryProviders } from './inventory/inventory-routes';

export { configureGatewayApp } from './http/configure-gateway-app';

export const gatewayEntities = [
  TenantEntity,
  ApiKeyEntity,
  PartnerEntity,
  PartnerLocationEntity,
  IdempotencyKeyEntity,
  ChannelConnectionEntity,
];
export const gatewayMigrations = [CreateAuthTables1732700000100, PartnersKeysIdempotencyChannels1732700000110];

function peerAddress(config: ServiceConfig, name: 'orders' | 'tracking'): string {
  const address = config.peers[name];
  if (!address) throw new Error(`The gateway needs ${name.toUpperCase()}_GRPC_URL`);
  return address;
}

/**
 * The public HTTP door: authentication, validation, and routes forwarding to the services.
 * {@link AccessModule} gives every route its API-key guard, rate limit, idempotency keys and
 * logging; route controllers are registered here with the gRPC peers they call.
 */
@Module({})
export class GatewayModule implements OnModuleDestroy {
  constructor(
    @Inject(ORDERS_PEER) private readonly orders: OrdersPeer,
    @Inject(TRACKING_PEER) private readonly tracking: TrackingPeer,
  ) {}

  static forRoot(options: { config: ServiceConfig; settings: GatewaySettings }): DynamicModule {
    const { config } = options;
    return {
      module: GatewayModule,
      imports: [
        PlatformModule.forService({ config, metrics: new ServiceMetrics(config.service) }),
        TypeOrmModule.forRoot(
          typeOrmOptions({
            databaseUrl: config.databaseUrl,
            entities: gatewayEntities,
            migrations: gatewayMigrations,
            service: config.service,
          }),
        ),
        AccessModule.forRoot(options.settings),
      ],
      controllers: [...ORDERS_CONTROLLERS, ...RETURNS_CONTROLLERS, ...FULFILLMENT_CONTROLLERS, ...TRACKING_CONTROLLERS, ...INVENTORY_CONTROLLERS],
      providers: [
        ...ORDERS_PROVIDERS,
        ...TRACKING_PROVIDERS,
        ...returnsProviders(config),
        ...fulfillmentProviders(config),
        ...inventoryProviders(config),
        {
          provide: ORDERS_PEER,
          useFactory: () =>
            new GrpcPeer<ordersV1.OrdersServiceClient>('orders', peerAddress(config, 'orders'), config.grpcTimeoutMs),
        },
        {
          provide: TRACKING_PEER,
          useFactory: () =>
            new GrpcPeer<trackingV1.TrackingServiceClient>(
              'tracking',
              peerAddress(config, 'tracking'),
              config.grpcTimeoutMs,
            ),
        },
      ],
      exports: [AccessModule],
    };
  }

  onModuleDestroy(): void {
    this.orders.close();
    this.tracking.close();
  }
}
