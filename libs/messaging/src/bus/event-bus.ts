import type { EventEnvelope, EventType } from '@baton/domain';
import type { HealthCheck } from '@baton/platform';

/**
 * A durable consumer's interest in some event types. `consumer` is the consuming service's name: all
 * replicas of a service subscribe under the same name and share the work, and every service gets its
 * own copy of each event.
 */
export interface EventSubscription {
  consumer: string;
  types: EventType[];
  /** Settles when the event is handled; a rejection means "deliver it again later". */
  handle(envelope: EventEnvelope): Promise<void>;
  /** Attempts before the event is parked instead of redelivered (default 5). */
  maxDeliver?: number;
}

/**
 * The port between the outbox relay / event consumers and a transport. Delivery is at least once:
 * `publish` may be repeated for the same envelope (the relay retries), and handlers must tolerate
 * repeats, which the inbox guarantees.
 */
export interface EventBus {
  /** Resolves once the transport has accepted the event durably (or, in process, once it was handled). */
  publish(envelope: EventEnvelope): Promise<void>;
  subscribe(subscription: EventSubscription): Promise<void>;
  close(): Promise<void>;
  healthCheck(): HealthCheck;
}

/** Attempts a subscription gets per event before the event is parked, unless it says otherwise. */
export const DEFAULT_MAX_DELIVER = 5;

/** A bus that can stop one consumer's subscription while others in the process keep theirs. */
export interface ConsumerControl {
  unsubscribe(consumer: string): Promise<void>;
}

/** Whether `bus` can end one consumer's subscription without closing (both Baton buses can). */
export function supportsUnsubscribe(bus: EventBus): bus is EventBus & ConsumerControl {
  return typeof (bus as Partial<ConsumerControl>).unsubscribe === 'function';
}
