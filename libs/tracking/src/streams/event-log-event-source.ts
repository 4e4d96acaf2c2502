import type { EventEnvelope } from '@baton/domain';
import { runWithContext } from '@baton/platform';
import type { EventLogCursor, EventLogRepository } from '../projection/event-log.repository';
import { type EventRange, type EventSource } from './event-source';

const BATCH = 500;

/**
 * Reads tracking's own log of every event it handled: the event source where there are no
 * JetStream streams (the embedded, in-process deployment). It holds what tracking received, so
 * events published while tracking was not yet subscribed are not in it.
 */
export class EventLogEventSource implements EventSource {
  readonly name = 'event-log' as const;

  constructor(private readonly log: EventLogRepository) {}

  async read(range: EventRange, handle: (batch: EventEnvelope[]) => Promise<void>): Promise<number> {
    let cursor: EventLogCursor | null = null;
    let handed = 0;
    for (;;) {
      const batch: EventEnvelope[] = range.tenantId
        ? await runWithContext({ tenantId: range.tenantId, correlationId: 'event-log-read' }, () =>
            this.log.readTenant(range.from, range.to, cursor, BATCH),
          )
        : await this.log.readAllTenants(range.from, range.to, cursor, BATCH);
      if (batch.length === 0) return handed;
      await handle(batch);
      handed += batch.length;
      const last = batch[batch.length - 1];
      cursor = { occurredAt: last.occurredAt, eventId: last.id };
    }
  }
}
