import type { EventEnvelope } from '@baton/domain';

export interface EventRange {
  from: Date;
  to: Date;
  /** Only this tenant's events; every tenant's when absent (a rebuild). */
  tenantId?: string;
}

/**
 * Where past events are read again from: the JetStream streams in the distributed deployment, the
 * tracking event log in the embedded one. Hands over batches in stream order; every event whose
 * `occurredAt` lies in the range is handed over at least once.
 */
export interface EventSource {
  readonly name: 'jetstream' | 'event-log';
  read(range: EventRange, handle: (batch: EventEnvelope[]) => Promise<void>): Promise<number>;
}

/** Whether an event belongs to a range (inclusive bounds, tenant when given). */
export function inRange(envelope: EventEnvelope, range: EventRange): boolean {
  if (range.tenantId && envelope.tenantId !== range.tenantId) return false;
  const at = Date.parse(envelope.occurredAt);
  return at >= range.from.getTime() && at <= range.to.getTime();
}
