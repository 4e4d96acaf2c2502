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
import { CreateOrdersTables1732700000200 } from './migrations/1732700000200-create-orders-tables';
import { OrderLineEntity } from './order/order-line.entity';
import { OrderStatusChangeEntity } from './order/order-status-change.entity';
import { OrderEntity } from './order/order.entity';
import { OrdersGrpcController } from './order/orders.grpc-controller';
import { OrdersRepository } from './order/orders.repository';
import { OrdersService } from './order/orders.service';
import { PlaceOrderSaga } from './placement/place-order.saga';
import { InventoryClient } from './sourcing/inventory.client';

export interface OrdersModuleOptions {
  config: ServiceConfig;
  bus?: EventBus;
}

export const ordersEntities = [OrderEntity, OrderLineEntity, OrderStatusChangeEntity];
export const ordersMigrations = [MessagingTables1732700000000, CreateOrdersTables1732700000200];

/** The orders service: order capture over gRPC, its own database, events through the outbox. */
@Module({})
export class OrdersModule implements OnModuleInit {
  constructor(
    private readonly health: HealthChecks,
    private readonly dataSource: DataSource,
  ) {}

  static forRoot({ config, bus }: OrdersModuleOptions): DynamicModule {
    return {
      module: OrdersModule,
      imports: [
        PlatformModule.forService({ config, metrics: new ServiceMetrics(config.service) }),
        TypeOrmModule.forRoot(
          typeOrmOptions({
            databaseUrl: config.databaseUrl,
            entities: [...ordersEntities, ...messagingEntities],
            migrations: ordersMigrations,
            service: config.service,
          }),
        ),
        MessagingModule.forService({ service: config.service, bus }),
      ],
      controllers: [OrdersGrpcController],
      providers: [InventoryClient, OrdersRepository, PlaceOrderSaga, OrdersService],
      exports: [OrdersService],
    };
  }

  onModuleInit(): void {
    this.health.add(databaseHealthCheck(this.dataSource));
  }
}
