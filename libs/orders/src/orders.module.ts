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
import { CancellationService } from './cancellation/cancellation.service';
import { CLOCK, systemClock, type Clock } from './clock';
import { OrdersEventConsumers } from './events/orders-event-consumers';
import { HoldsService } from './holds/holds.service';
import { CreateOrdersTables1732700000200 } from './migrations/1732700000200-create-orders-tables';
import { OrdersLifecycle1732700000210 } from './migrations/1732700000210-orders-lifecycle';
import { OrderAllocationEntity } from './order/order-allocation.entity';
import { OrderCompletionService } from './order/order-completion.service';
import { OrderHoldEntity } from './order/order-hold.entity';
import { OrderLineEntity } from './order/order-line.entity';
import { OrderQueriesRepository } from './order/order-queries.repository';
import { OrderQueriesService } from './order/order-queries.service';
import { OrderStatusChangeEntity } from './order/order-status-change.entity';
import { OrderUnitOfWork } from './order/order-unit-of-work';
import { OrderEntity } from './order/order.entity';
import { OrdersGrpcController } from './order/orders.grpc-controller';
import { OrdersRepository } from './order/orders.repository';
import { OrdersService } from './order/orders.service';
import { SourcingDecisionEntity } from './order/sourcing-decision.entity';
import { ORDERS_SETTINGS, loadOrdersSettings, type OrdersSettings } from './orders-settings';
import { FulfillmentClient } from './peers/fulfillment.client';
import { InventoryClient } from './peers/inventory.client';
import { PlaceOrderSaga } from './placement/place-order.saga';
import { FulfilmentProgressService } from './progress/fulfilment-progress.service';
import { DeliveryPromiseService } from './promise/delivery-promise.service';
import { ReservationConfirmations } from './resourcing/reservation-confirmations.service';
import { ResourcingService } from './resourcing/resourcing.service';
import { SourcingRuleSetEntity } from './rules/sourcing-rule-set.entity';
import { SourcingRulesRepository } from './rules/sourcing-rules.repository';
import { SourcingRulesService } from './rules/sourcing-rules.service';
import { BackorderPlanner } from './sourcing/backorder-planner.service';
import { SourcingInputs } from './sourcing/sourcing-inputs.service';

export interface OrdersModuleOptions {
  config: ServiceConfig;
  bus?: EventBus;
  /** Defaults to the ORDERS_* environment variables (see loadOrdersSettings). */
  settings?: OrdersSettings;
  /** The time sourcing plans for; the system clock unless a test fixes it. */
  clock?: Clock;
}

export const ordersEntities = [
  OrderEntity,
  OrderLineEntity,
  OrderAllocationEntity,
  OrderHoldEntity,
  OrderStatusChangeEntity,
  SourcingDecisionEntity,
  SourcingRuleSetEntity,
];
export const ordersMigrations = [MessagingTables1732700000000, CreateOrdersTables1732700000200, OrdersLifecycle1732700000210];

/**
 * The orders service: capture, lifecycle, sourcing, holds, cancellations and re-sourcing over
 * gRPC, its own database, events in and out through the outbox and inbox.
 */
@Module({})
export class OrdersModule implements OnModuleInit {
  constructor(
    private readonly health: HealthChecks,
    private readonly dataSource: DataSource,
  ) {}

  static forRoot({ config, bus, settings, clock }: OrdersModuleOptions): DynamicModule {
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
      providers: [
        { provide: ORDERS_SETTINGS, useValue: settings ?? loadOrdersSettings() },
        { provide: CLOCK, useValue: clock ?? systemClock },
        InventoryClient,
        FulfillmentClient,
        OrdersRepository,
        OrderQueriesRepository,
        SourcingRulesRepository,
        SourcingRulesService,
        SourcingInputs,
        BackorderPlanner,
        PlaceOrderSaga,
        OrdersService,
        OrderQueriesService,
        OrderCompletionService,
        OrderUnitOfWork,
        CancellationService,
        HoldsService,
        DeliveryPromiseService,
        FulfilmentProgressService,
        ResourcingService,
        ReservationConfirmations,
        OrdersEventConsumers,
      ],
      exports: [OrdersService],
    };
  }

  onModuleInit(): void {
    this.health.add(databaseHealthCheck(this.dataSource));
  }
}
