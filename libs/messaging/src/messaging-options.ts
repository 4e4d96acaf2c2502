import type { EventBus } from './bus/event-bus';
import type { OutboxRelayOptions } from './outbox/outbox-relay.service';

/** What a service tells `MessagingModule.forService`. */
export interface MessagingOptions {
  /** The service name: durable consumer name and inbox `consumer`. */
  service: string;
  /** The bus to use; default JetStream when NATS_URL is configured, else the shared in-process bus. */
  bus?: EventBus;
  /** Attempts per event before it is parked (default 5). */
  maxDeliver?: number;
  /** Relay tuning (poll interval, batch size, retry backoff). */
  relay?: Partial<OutboxRelayOptions>;
}
