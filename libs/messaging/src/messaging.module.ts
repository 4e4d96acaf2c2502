import {
  Global,
  Inject,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import {
  HealthChecks,
  SERVICE_CONFIG,
  SERVICE_METRICS,
  type ServiceConfig,
  type ServiceMetrics,
} from '@baton/platform';
import type { EventBus } from './bus/event-bus';
import { InProcessEventBus } from './in-process/in-process-event-bus';
import { EventConsumers } from './inbox/event-consumers.service';
import { Inbox } from './inbox/inbox.service';
import { JetStreamEventBus } from './jetstream/jetstream-event-bus';
import type { MessagingOptions } from './messaging-options';
import { EVENT_BUS, MESSAGING_OPTIONS, OUTBOX_RELAY_OPTIONS } from './messaging.tokens';
import { OutboxRelay } from './outbox/outbox-relay.service';
import { Outbox } from './outbox/outbox.service';

/**
 * A service's messaging: the bus, the outbox and its relay, and the inbox-backed event consumers.
 * Needs the platform module (config, metrics, health checks) and the service's TypeORM DataSource.
 * On bootstrap it subscribes the registered handlers and starts the relay; on shutdown it stops
 * taking events first, lets the relay finish its round, then drains the bus — except the shared
 * in-process bus, of which it only removes its own subscription.
 */
@Global()
@Module({})
export class MessagingModule implements OnApplicationBootstrap, OnModuleDestroy {
  static forService(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        { provide: OUTBOX_RELAY_OPTIONS, useValue: options.relay ?? {} },
        {
          provide: EVENT_BUS,
          useFactory: (config: ServiceConfig, metrics: ServiceMetrics): EventBus =>
            options.bus ??
            (config.natsUrl
              ? new JetStreamEventBus({
                  servers: config.natsUrl,
                  streamPrefix: config.natsStreamPrefix,
                  connectionName: options.service,
                  metrics,
                })
              : InProcessEventBus.shared()),
          inject: [SERVICE_CONFIG, SERVICE_METRICS],
        },
        Outbox,
        Inbox,
        OutboxRelay,
        EventConsumers,
      ],
      exports: [EVENT_BUS, MESSAGING_OPTIONS, Outbox, Inbox, OutboxRelay, EventConsumers],
    };
  }

  constructor(
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    private readonly relay: OutboxRelay,
    private readonly consumers: EventConsumers,
    healthChecks: HealthChecks,
  ) {
    healthChecks.add(bus.healthCheck());
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.consumers.start();
    this.relay.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.consumers.stop();
    await this.relay.stop();
    if (this.bus instanceof InProcessEventBus) return;
    await this.bus.close();
  }
}
