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
import { CapacityService } from './capacity/capacity.service';
import { CLOCK, systemClock, type Clock } from './clock';
import { LocationSettingsEntity } from './capacity/location-settings.entity';
import type { Carrier } from './carriers/carrier';
import { CarrierRegistry } from './carriers/carrier-registry';
import { CarriersService } from './carriers/carriers.service';
import { NetworkGrpcController } from './carriers/network.grpc-controller';
import { TableRateCarrier } from './carriers/table-rate-carrier';
import { OrderEventsConsumer } from './events/order-events.consumer';
import { ShipmentScannedConsumer } from './events/shipment-scanned.consumer';
import { FulfillmentIntakeService } from './fulfillment/fulfillment-intake.service';
import { FulfillmentLineEntity } from './fulfillment/fulfillment-line.entity';
import { FulfillmentOrderEntity } from './fulfillment/fulfillment-order.entity';
import { FulfillmentStatusChangeEntity } from './fulfillment/fulfillment-status-change.entity';
import { FulfillmentWorkflow } from './fulfillment/fulfillment-workflow';
import { FulfillmentsGrpcController } from './fulfillment/fulfillments.grpc-controller';
import { FulfillmentsRepository } from './fulfillment/fulfillments.repository';
import { FulfillmentsService } from './fulfillment/fulfillments.service';
import { LegDependencies } from './fulfillment/leg-dependencies.service';
import { OrderCancellationService } from './fulfillment/order-cancellation.service';
import { PickupService } from './fulfillment/pickup.service';
import { RejectionService } from './fulfillment/rejection.service';
import { StoreOperationsService } from './fulfillment/store-operations.service';
import { FULFILLMENT_SETTINGS, loadFulfillmentSettings, type FulfillmentSettings } from './fulfillment-settings';
import { FulfillmentTimersJob } from './jobs/fulfillment-timers.job';
import { CreateFulfillmentTables1732700000300 } from './migrations/1732700000300-create-fulfillment-tables';
import { FulfillmentOperations1732700000310 } from './migrations/1732700000310-fulfillment-operations';
import { FulfillmentPackageEntity } from './packing/fulfillment-package.entity';
import { PickListEntity } from './picking/pick-list.entity';
import { PickListsRepository } from './picking/pick-lists.repository';
import { PickListsService } from './picking/pick-lists.service';
import { FulfillmentPoliciesService } from './policy/fulfillment-policies.service';
import { FulfillmentPolicyEntity } from './policy/fulfillment-policy.entity';
import { DueTimes } from './scheduling/due-times.service';
import { DeliveryService } from './shipping/delivery.service';
import { ShipmentEntity } from './shipping/shipment.entity';
import { ShipmentsRepository } from './shipping/shipments.repository';
import { ShippingGrpcController } from './shipping/shipping.grpc-controller';
import { ShippingService } from './shipping/shipping.service';

export interface FulfillmentModuleOptions {
  config: ServiceConfig;
  bus?: EventBus;
  /** Fulfillment's own settings; read from the environment when absent. */
  settings?: FulfillmentSettings;
  /** Carriers beside the table-rate ones of the settings (integrations; tests). */
  carriers?: Carrier[];
  /** The time decisions are made at; the system clock unless a test pins it. */
  clock?: Clock;
}

export const fulfillmentEntities = [
  FulfillmentOrderEntity,
  FulfillmentLineEntity,
  FulfillmentStatusChangeEntity,
  FulfillmentPackageEntity,
  ShipmentEntity,
  PickListEntity,
  LocationSettingsEntity,
  FulfillmentPolicyEntity,
];
export const fulfillmentMigrations = [
  MessagingTables1732700000000,
  CreateFulfillmentTables1732700000300,
  FulfillmentOperations1732700000310,
];

/**
 * The fulfillment service: fulfilment orders per location and delivery leg created from order
 * events, the operations stores and warehouses perform on them, carriers and labels, capacity and
 * timers — over gRPC, on its own database, announcing every transition through its outbox.
 */
@Module({})
export class FulfillmentModule implements OnModuleInit {
  constructor(
    private readonly health: HealthChecks,
    private readonly dataSource: DataSource,
  ) {}

  static forRoot({ config, bus, settings, carriers = [], clock = systemClock }: FulfillmentModuleOptions): DynamicModule {
    const resolved = settings ?? loadFulfillmentSettings();
    const registry = new CarrierRegistry([...resolved.carrierTables.map((table) => new TableRateCarrier(table)), ...carriers]);
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
      controllers: [FulfillmentsGrpcController, ShippingGrpcController, NetworkGrpcController],
      providers: [
        { provide: FULFILLMENT_SETTINGS, useValue: resolved },
        { provide: CarrierRegistry, useValue: registry },
        { provide: CLOCK, useValue: clock },
        FulfillmentsRepository,
        ShipmentsRepository,
        PickListsRepository,
        FulfillmentWorkflow,
        FulfillmentPoliciesService,
        CapacityService,
        DueTimes,
        LegDependencies,
        RejectionService,
        FulfillmentsService,
        FulfillmentIntakeService,
        OrderCancellationService,
        StoreOperationsService,
        PickupService,
        PickListsService,
        CarriersService,
        ShippingService,
        DeliveryService,
        FulfillmentTimersJob,
        OrderEventsConsumer,
        ShipmentScannedConsumer,
      ],
      exports: [FulfillmentsService, FulfillmentTimersJob],
    };
  }

  onModuleInit(): void {
    this.health.add(databaseHealthCheck(this.dataSource));
  }
}
