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
import { inventoryEntities, inventoryMigrations } from './inventory-persistence';
import { InventoryGrpcController } from './inventory.grpc-controller';
import { ItemsRepository } from './item/items.repository';
import { ItemsService } from './item/items.service';
import { LocationsRepository } from './location/locations.repository';
import { LocationsService } from './location/locations.service';
import { ReservationsRepository } from './reservation/reservations.repository';
import { ReservationsService } from './reservation/reservations.service';
import { StockMovementsRepository } from './stock/stock-movements.repository';
import { StockPositionsRepository } from './stock/stock-positions.repository';
import { StockService } from './stock/stock.service';

export interface InventoryModuleOptions {
  config: ServiceConfig;
  /** The event bus to publish on; by default the messaging layer picks JetStream or in-process from config. */
  bus?: EventBus;
}

/**
 * The inventory service: locations, items, stock positions with their ledger, and reservations,
 * served over gRPC, on its own database, publishing through its outbox.
 */
@Module({})
export class InventoryModule {
  constructor(healthChecks: HealthChecks, @InjectDataSource() dataSource: DataSource) {
    healthChecks.add(databaseHealthCheck(dataSource));
  }

  static forRoot({ config, bus }: InventoryModuleOptions): DynamicModule {
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
      controllers: [InventoryGrpcController],
      providers: [
        LocationsRepository,
        ItemsRepository,
        StockPositionsRepository,
        StockMovementsRepository,
        ReservationsRepository,
        LocationsService,
        ItemsService,
        StockService,
        ReservationsService,
      ],
      exports: [LocationsService, ItemsService, StockService, ReservationsService],
    };
  }
}
