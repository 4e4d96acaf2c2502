import { type DynamicModule, Module } from '@nestjs/common';
import { InjectDataSource, TypeOrmModule } from '@nestjs/typeorm';
import { type EventBus, MessagingModule } from '@baton/messaging';
import {
  HealthChecks,
  PlatformModule,
  type ServiceConfig,
  ServiceMetrics,
  databaseHealthCheck,
  typeOrmOptions,
} from '@baton/platform';
import { DataSource } from 'typeorm';
import { AvailabilityRepository } from './availability/availability.repository';
import { AvailabilityService } from './availability/availability.service';
import { StockEventConsumers } from './events/stock-event-consumers';
import { FeedImportService } from './feed/feed-import.service';
import { FeedRowResolver } from './feed/feed-row-resolver';
import { FeedsRepository } from './feed/feeds.repository';
import { CatalogueGrpcController } from './grpc/catalogue.grpc-controller';
import { FeedsGrpcController } from './grpc/feeds.grpc-controller';
import { InboundGrpcController } from './grpc/inbound.grpc-controller';
import { ReservationsGrpcController } from './grpc/reservations.grpc-controller';
import { StockGrpcController } from './grpc/stock.grpc-controller';
import { InboundRepository } from './inbound/inbound.repository';
import { InboundService } from './inbound/inbound.service';
import { TransfersService } from './inbound/transfers.service';
import { inventoryEntities, inventoryMigrations } from './inventory-persistence';
import { ItemsRepository } from './item/items.repository';
import { ItemsService } from './item/items.service';
import { LocationsRepository } from './location/locations.repository';
import { LocationsService } from './location/locations.service';
import { FulfilmentStockService } from './reservation/fulfilment-stock.service';
import { DEFAULT_SWEEPER_OPTIONS, ReservationExpirySweeper, SWEEPER_OPTIONS, type SweeperOptions } from './reservation/reservation-expiry.sweeper';
import { ReservationLifecycleService } from './reservation/reservation-lifecycle.service';
import { ReservationSettler } from './reservation/reservation-settler';
import { ReservationsRepository } from './reservation/reservations.repository';
import { ReservationsService } from './reservation/reservations.service';
import { ReturnDispositionsConsumer } from './returns/return-dispositions.consumer';
import { OneStatementReservationsRepository } from './stock/one-statement-reservations.repository';
import { StockLedger } from './stock/stock-ledger';
import { StockMovementsRepository } from './stock/stock-movements.repository';
import { StockPositionsRepository } from './stock/stock-positions.repository';
import { StockQueriesService } from './stock/stock-queries.service';
import { StockService } from './stock/stock.service';

export interface InventoryModuleOptions {
  config: ServiceConfig;
  /** The event bus to publish on; by default the messaging layer picks JetStream or in-process from config. */
  bus?: EventBus;
  /** The reservation expiry sweeper's pace (default: every 5 s, 200 per transaction; intervalMs 0 turns it off). */
  sweeper?: Partial<SweeperOptions>;
}

/** Every provider of the inventory service, for the module and for tests that wire it by hand. */
export const INVENTORY_PROVIDERS = [
  LocationsRepository,
  ItemsRepository,
  StockPositionsRepository,
  StockMovementsRepository,
  ReservationsRepository,
  InboundRepository,
  AvailabilityRepository,
  FeedsRepository,
  OneStatementReservationsRepository,
  StockLedger,
  LocationsService,
  ItemsService,
  StockService,
  StockQueriesService,
  AvailabilityService,
  ReservationsService,
  ReservationSettler,
  ReservationLifecycleService,
  FulfilmentStockService,
  ReservationExpirySweeper,
  InboundService,
  TransfersService,
  FeedRowResolver,
  FeedImportService,
  StockEventConsumers,
  ReturnDispositionsConsumer,
];

/**
 * The inventory service: locations, items, stock positions with their ledger, reservations and
 * their expiry, inbound supply, availability-to-promise and stock feeds, served over gRPC, on its
 * own database, publishing through its outbox and consuming order and fulfilment events.
 */
@Module({})
export class InventoryModule {
  constructor(healthChecks: HealthChecks, @InjectDataSource() dataSource: DataSource) {
    healthChecks.add(databaseHealthCheck(dataSource));
  }

  static forRoot({ config, bus, sweeper }: InventoryModuleOptions): DynamicModule {
    return {
      module: InventoryModule,
      imports: [
        PlatformModule.forService({ config, metrics: new ServiceMetrics(config.service) }),
        TypeOrmModule.forRoot(
          typeOrmOptions({
            databaseUrl: config.databaseUrl,
            entities: inventoryEntities,
            migrations: inventoryMigrations,
            service: config.service,
          }),
        ),
        MessagingModule.forService({ service: config.service, bus }),
      ],
      controllers: [
        CatalogueGrpcController,
        StockGrpcController,
        ReservationsGrpcController,
        InboundGrpcController,
        FeedsGrpcController,
      ],
      providers: [{ provide: SWEEPER_OPTIONS, useValue: { ...DEFAULT_SWEEPER_OPTIONS, ...sweeper } }, ...INVENTORY_PROVIDERS],
      exports: [
        LocationsService,
        ItemsService,
        StockService,
        AvailabilityService,
        ReservationsService,
        ReservationLifecycleService,
        ReservationExpirySweeper,
        InboundService,
        FeedImportService,
      ],
    };
  }
}
