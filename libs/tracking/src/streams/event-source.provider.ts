import type { Provider } from '@nestjs/common';
import { JetStreamEventBus, type EventBus } from '@baton/messaging';
import type { ServiceConfig } from '@baton/platform';
import { EventLogRepository } from '../projection/event-log.repository';
import { EVENT_SOURCE } from '../tracking.tokens';
import { EventLogEventSource } from './event-log-event-source';
import { JetStreamEventSource } from './jetstream-event-source';

/**
 * The event source matching the bus the service runs on: the JetStream streams when events travel
 * over NATS, else tracking's own event log (the in-process bus keeps no history).
 */
export function eventSourceProvider(config: ServiceConfig, bus: EventBus | undefined): Provider {
  const overNats = bus ? bus instanceof JetStreamEventBus : config.natsUrl !== undefined;
  return {
    provide: EVENT_SOURCE,
    useFactory: (log: EventLogRepository) =>
      overNats && config.natsUrl
        ? new JetStreamEventSource({
            servers: config.natsUrl,
            streamPrefix: bus instanceof JetStreamEventBus ? bus.naming.streamPrefix : config.natsStreamPrefix,
          })
        : new EventLogEventSource(log),
    inject: [EventLogRepository],
  };
}
