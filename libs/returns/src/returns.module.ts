import { type DynamicModule, Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MessagingModule, MessagingTables1732700000000, messagingEntities, type EventBus } from '@baton/messaging';
import {
  HealthChecks,
  PlatformModule,
  ServiceMetrics,
  databaseHealthCheck,
  typeOrmOptions,
  type ServiceConfig,
} from '@baton/platform';

export interface ReturnsModuleOptions {
  config: ServiceConfig;
  bus?: EventBus;
}

export const returnsMigrations = [MessagingTables1732700000000];

/**
 * The returns service as a deployable shell: its own database (so far only the outbox and inbox),
 * messaging, probes and metrics. RMAs, receipt, inspection and refunds arrive with its gRPC
 * contract.
 */
@Module({})
export class ReturnsModule implements OnModuleInit {
  constructor(
    private readonly health: HealthChecks,
    private readonly dataSource: DataSource,
  ) {}

  static forRoot({ config, bus }: ReturnsModuleOptions): DynamicModule {
    return {
      module: ReturnsModule,
      imports: [
        PlatformModule.forService({ config, metrics: new ServiceMetrics(config.service) }),
        TypeOrmModule.forRoot(
          typeOrmOptions({
            databaseUrl: config.databaseUrl,
            entities: [...messagingEntities],
            migrations: returnsMigrations,
            service: config.service,
          }),
        ),
        MessagingModule.forService({ service: config.service, bus }),
      ],
    };
  }

  onModuleInit(): void {
    this.health.add(databaseHealthCheck(this.dataSource));
  }
}
