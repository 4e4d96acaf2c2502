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
import { OrderPlacedConsumer } from './events/order-placed.consumer';
import { FulfillmentLineEntity } from './fulfillment/fulfillment-line.entity';
import { FulfillmentOrderEntity } from './fulfillment/fulfillment-order.entity';
import { FulfillmentsGrpcController } from './fulfillment/fulfillments.grpc-controller';
import { FulfillmentsRepository } from './fulfillment/fulfillments.repository';
import { FulfillmentsService } from './fulfillment/fulfillments.service';
import { CreateFulfillmentTables1732700000300 } from './migrations/1732700000300-create-fulfillment-tables';

export interface FulfillmentModuleOptions {
  config: ServiceConfig;
  bus?: EventBus;
}

export const fulfillmentEntities = [FulfillmentOrderEntity, FulfillmentLineEntity];
export const fulfillmentMigrations = [MessagingTables1732700000000, CreateFulfillmentTables1732700000300];

/** The fulfillment service: fulfilment orders created from order events, queried over gRPC. */
@Module({})
export class FulfillmentModule implements OnModuleInit {
  constructor(
    private readonly health: HealthChecks,
    private readonly dataSource: DataSource,
  ) {}

  static forRoot({ config, bus }: FulfillmentModuleOptions): DynamicModule {
    return {
      module: FulfillmentModule,
      imports: [
        PlatformModule.forService({ config, metrics: new ServiceMetrics(config.service) }),
        TypeOrmModule.forRoot(
          typeOrmOptions({
            databaseUrl: config.databaseUrl,
            entities: [...fulfillmentEntities, ...messagingEntities],
            migrations: fulfillmentMigrations,
            service: config.service,
          }),
        ),
        MessagingModule.forService({ service: config.service, bus }),
      ],
      controllers: [FulfillmentsGrpcController],
      providers: [FulfillmentsRepository, FulfillmentsService, OrderPlacedConsumer],
      exports: [FulfillmentsService],
    };
  }

  onModuleInit(): void {
    this.health.add(databaseHealthCheck(this.dataSource));
  }
}
