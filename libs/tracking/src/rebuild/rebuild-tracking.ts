import { type DynamicModule, type LoggerService, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SERVICE_CONFIG, ensureDatabase, type ServiceConfig, typeOrmOptions } from '@baton/platform';
import { TimelineNotifier } from '../live/timeline-notifier';
import { OrderIndexRepository } from '../lookup/order-index.repository';
import { EventLogRepository } from '../projection/event-log.repository';
import { ReadModelProjector } from '../projection/read-model.projector';
import { ShipmentsRepository } from '../shipments/shipments.repository';
import { TimelineRepository } from '../timeline/timeline.repository';
import { EVENT_SOURCE } from '../tracking.tokens';
import { eventSourceProvider } from '../streams/event-source.provider';
import { trackingEntities, trackingMigrations } from '../tracking-persistence';
import { ReadModelRebuilder } from './read-model-rebuilder';

/** Just what a rebuild needs: the database, the projector and the event source — no consumers, no workers. */
@Module({})
class TrackingRebuildModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: TrackingRebuildModule,
      imports: [
        TypeOrmModule.forRoot(
          typeOrmOptions({ databaseUrl: config.databaseUrl, entities: trackingEntities, migrations: trackingMigrations, service: config.service }),
        ),
      ],
      providers: [
        { provide: SERVICE_CONFIG, useValue: config },
        EventLogRepository,
        TimelineRepository,
        OrderIndexRepository,
        ShipmentsRepository,
        TimelineNotifier,
        ReadModelProjector,
        eventSourceProvider(config, undefined),
        ReadModelRebuilder,
      ],
      exports: [ReadModelRebuilder, EVENT_SOURCE],
    };
  }
}

/**
 * `npm run tracking:rebuild`: rebuilds the tracking read model of the configured database from the
 * JetStream streams (NATS_URL set) or from tracking's event log (embedded mode).
 */
export async function rebuildTrackingReadModel(config: ServiceConfig, logger: LoggerService): Promise<number> {
  await ensureDatabase(config.databaseUrl);
  const context = await NestFactory.createApplicationContext(TrackingRebuildModule.forRoot(config), { logger });
  try {
    return await context.get(ReadModelRebuilder).rebuild();
  } finally {
    await context.close();
  }
}
