import { type DynamicModule, Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MessagingModule, messagingEntities, type EventBus } from '@baton/messaging';
import {
  HealthChecks,
  PlatformModule,
  ServiceMetrics,
  databaseHealthCheck,
  typeOrmOptions,
  type ServiceConfig,
} from '@baton/platform';
import type { CarrierIntegrations } from './carriers/carrier-integrations';
import { CarrierIngestService } from './carriers/carrier-ingest.service';
import { CarrierPollingWorker } from './carriers/carrier-polling.worker';
import { CarrierTrackingRepository } from './carriers/carrier-tracking.repository';
import { CarriersGrpcController } from './carriers/carriers.grpc-controller';
import { TimelineConsumer } from './events/timeline.consumer';
import { TimelineNotifier } from './live/timeline-notifier';
import { OrderIndexRepository } from './lookup/order-index.repository';
import { OrderSearchService } from './lookup/order-search.service';
import { EventLogRepository } from './projection/event-log.repository';
import { ReadModelProjector } from './projection/read-model.projector';
import { ReadModelRebuilder } from './rebuild/read-model-rebuilder';
import { ShipmentsRepository } from './shipments/shipments.repository';
import { OrderStatusService } from './status/order-status.service';
import { OrderViewsService } from './status/order-views.service';
import { eventSourceProvider } from './streams/event-source.provider';
import { TimelineGrpcController } from './timeline/timeline.grpc-controller';
import { TimelineRepository } from './timeline/timeline.repository';
import { TimelineService } from './timeline/timeline.service';
import { trackingEntities, trackingMigrations } from './tracking-persistence';
import { type TrackingSettings, loadTrackingSettings } from './tracking-settings';
import { CARRIER_INTEGRATIONS, TRACKING_SETTINGS } from './tracking.tokens';
import { TenantSettingsRepository } from './webhooks/tenant-settings.repository';
import { WebhookDeliveriesRepository } from './webhooks/webhook-deliveries.repository';
import { WebhookDeliveriesService } from './webhooks/webhook-deliveries.service';
import { WebhookDeliveryWorker } from './webhooks/webhook-delivery.worker';
import { WebhookReplayWorker } from './webhooks/webhook-replay.worker';
import { WebhookReplaysRepository } from './webhooks/webhook-replays.repository';
import { WebhookSubscriptionsRepository } from './webhooks/webhook-subscriptions.repository';
import { WebhookSubscriptionsService } from './webhooks/webhook-subscriptions.service';
import { WebhooksGrpcController } from './webhooks/webhooks.grpc-controller';

export interface TrackingModuleOptions {
  config: ServiceConfig;
  bus?: EventBus;
  /** Tracking's own settings; read from the environment when absent. */
  settings?: TrackingSettings;
  /** Carrier adapters with their own webhook format, and pollers for carriers without webhooks. */
  carriers?: CarrierIntegrations;
}

export { trackingEntities, trackingMigrations };

/**
 * The tracking service: the read model projected from every event (timelines, shipments and
 * scans, order index), customer status and look-up, carrier tracking ingest, live timeline
 * watches, and webhook delivery with replay — queried and managed over gRPC.
 */
@Module({})
export class TrackingModule implements OnModuleInit {
  constructor(
    private readonly health: HealthChecks,
    private readonly dataSource: DataSource,
  ) {}

  static forRoot({ config, bus, settings, carriers }: TrackingModuleOptions): DynamicModule {
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
      controllers: [TimelineGrpcController, CarriersGrpcController, WebhooksGrpcController],
      providers: [
        { provide: TRACKING_SETTINGS, useValue: settings ?? loadTrackingSettings() },
        { provide: CARRIER_INTEGRATIONS, useValue: carriers ?? {} },
        eventSourceProvider(config, bus),
        EventLogRepository,
        TimelineRepository,
        OrderIndexRepository,
        ShipmentsRepository,
        TimelineNotifier,
        ReadModelProjector,
        ReadModelRebuilder,
        OrderViewsService,
        TimelineService,
        OrderStatusService,
        OrderSearchService,
        CarrierTrackingRepository,
        CarrierIngestService,
        CarrierPollingWorker,
        TenantSettingsRepository,
        WebhookSubscriptionsRepository,
        WebhookDeliveriesRepository,
        WebhookReplaysRepository,
        WebhookSubscriptionsService,
        WebhookDeliveriesService,
        WebhookDeliveryWorker,
        WebhookReplayWorker,
        TimelineConsumer,
      ],
      exports: [TimelineService, ReadModelRebuilder],
    };
  }

  onModuleInit(): void {
    this.health.add(databaseHealthCheck(this.dataSource));
  }
}
