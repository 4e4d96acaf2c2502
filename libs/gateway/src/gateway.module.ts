import { DynamicModule, INestApplication, Inject, Module, OnApplicationBootstrap, ValidationPipe } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { ordersV1, trackingV1 } from '@baton/contracts';
import {
  GrpcPeer,
  PlatformModule,
  ServiceConfig,
  ServiceMetrics,
  typeOrmOptions,
  validationExceptionFactory,
} from '@baton/platform';
import { ApiKeyEntity } from './auth/api-key.entity';
import { ApiKeyGuard } from './auth/api-key.guard';
import { ApiKeysRepository } from './auth/api-keys.repository';
import { ApiKeysService } from './auth/api-keys.service';
import { TenantEntity } from './auth/tenant.entity';
import { GatewaySettings } from './gateway-config';
import { ORDERS_PEER, TRACKING_PEER } from './grpc-peers';
import { CreateAuthTables1732700000100 } from './migrations/1732700000100-create-auth-tables';
import { OrdersHttpController } from './orders/orders.http-controller';

const GATEWAY_SETTINGS = Symbol('GATEWAY_SETTINGS');

export const gatewayEntities = [TenantEntity, ApiKeyEntity];
export const gatewayMigrations = [CreateAuthTables1732700000100];

/** Creates the bootstrap key from configuration, so a fresh deployment has one way in. */
class BootstrapKeyInstaller implements OnApplicationBootstrap {
  constructor(
    @Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings,
    private readonly keys: ApiKeysService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.settings.bootstrapApiKey) return;
    await this.keys.ensureKey(
      this.settings.bootstrapTenant,
      this.settings.bootstrapTenant,
      this.settings.bootstrapApiKey,
      ['admin'],
      'bootstrap key from configuration',
    );
  }
}

function peerAddress(config: ServiceConfig, name: 'orders' | 'tracking'): string {
  const address = config.peers[name];
  if (!address) throw new Error(`The gateway needs ${name.toUpperCase()}_GRPC_URL`);
  return address;
}

/** The public HTTP door: authentication, validation, and routes forwarding to the services. */
@Module({})
export class GatewayModule {
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
      ],
      controllers: [OrdersHttpController],
      providers: [
        { provide: GATEWAY_SETTINGS, useValue: options.settings },
        ApiKeysRepository,
        ApiKeysService,
        ApiKeyGuard,
        BootstrapKeyInstaller,
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
      exports: [ApiKeysService],
    };
  }
}

/**
 * HTTP-level setup of the gateway app: strict validation (unknown fields refused, types checked,
 * so clients cannot set status, tenant or totals) and the OpenAPI document at /openapi.json and
 * Swagger UI at /docs.
 */
export function configureGatewayApp(app: INestApplication): void {
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: validationExceptionFactory,
    }),
  );
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Baton API')
      .setDescription('The Baton order management gateway. Authenticate with "Authorization: Bearer <API key>".')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json' });
}
