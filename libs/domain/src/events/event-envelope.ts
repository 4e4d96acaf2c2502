import type { EventMap } from './event-catalogue';

/** Every event type Baton publishes, named `<svc>.<aggregate>.<past-tense>.v<n>`. */
export type EventType = keyof EventMap;

/**
 * The one envelope every domain event travels in, on JetStream and on the in-process bus alike.
 * `id` is the deduplication key (JetStream `Nats-Msg-Id`, consumers' inbox); `tenantId` is never
 * absent, so no consumer can act outside the tenant that produced the event.
 */
export interface EventEnvelope<T extends EventType = EventType> {
  id: string;
  type: T;
  version: number;
  tenantId: string;
  aggregateType: string;
  aggregateId: string;
  occurredAt: string;
  correlationId: string;
  causationId: string | null;
  data: EventMap[T];
}

/** The service that produces an event type: the first segment of its subject. */
export function producerOf(type: string): string {
  const dot = type.indexOf('.');
  if (dot <= 0) throw new Error(`Event type "${type}" has no producing service segment`);
  return type.slice(0, dot);
}

/** The schema version encoded at the end of an event type (`….v1` → 1). */
export function versionOf(type: string): number {
  const match = /\.v(\d+)$/.exec(type);
  if (!match) throw new Error(`Event type "${type}" does not end in .v<n>`);
  return Number(match[1]);
}
