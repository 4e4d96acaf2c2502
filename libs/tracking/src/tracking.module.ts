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
import { TimelineConsumer } from './events/timeline.consumer';
import { CreateTimelineTables1732700000400 } from './migrations/1732700000400-create-timeline-tables';
import { TimelineEntryEntity } from './timeline/timeline-entry.entity';
import { TimelineGrpcController } from './timeline/timeline.grpc-controller';
import { TimelineRepository } from './timeline/timeline.repository';
import { TimelineService } from './timeline/timeline.service';

export interface TrackingModuleOptions {
  config: ServiceConfig;
  bus?: EventBus;
}

export const trackingEntities = [TimelineEntryEntity];
export const trackingMigrations = [MessagingTables1732700000000, CreateTimelineTables1732700000400];

/** The tracking service: order timelines projected from every event, queried over gRPC. */
@Module({})
export class TrackingModule implements OnModuleInit {
  constructor(
    private readonly health: HealthChecks,
    private readonly dataSource: DataSource,
  ) {}

  static forRoot({ config, bus }: TrackingModuleOptions): DynamicModule {
    return {
      module: TrackingModule,
      imports: [
        PlatformModule.forService({ config, metrics: new ServiceMetrics(config.service) }),
        TypeOrmModule.forRoot(
          typeOrmOptions({
            databaseUrl: config.databaseUrl,
            entities: [...trackingEntities, ...messagingEntities],
            migrations: trackingMigrations,
            service: config.service,
          }),
        ),
        MessagingModule.forService({ service: config.service, bus }),
      ],
      controllers: [TimelineGrpcController],
      providers: [TimelineRepository, TimelineService, TimelineConsumer],
      exports: [TimelineService],
    };
  }

  onModuleInit(): void {
    this.health.add(databaseHealthCheck(this.dataSource));
  }
}
