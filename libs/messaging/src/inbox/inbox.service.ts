import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EventEnvelope, EventType } from '@baton/domain';
import { runWithContext } from '@baton/platform';
import { Outbox } from '../outbox/outbox.service';
import type { EventHandler, InboxOutcome } from './event-handler';

/**
 * The idempotent receiver. Each delivery runs in one transaction that first records
 * (consumer, event id) in `inbox_events`; if that row already exists the event was applied before
 * and the handler is skipped. The handler's writes commit with the inbox row or not at all, so an
 * event is applied exactly once per consumer however often it is delivered, and concurrent
 * deliveries (two replicas) serialise on the primary key.
 */
@Injectable()
export class Inbox {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  async handleOnce<T extends EventType>(
    consumer: string,
    envelope: EventEnvelope<T>,
    handler: EventHandler<T>,
  ): Promise<InboxOutcome> {
    const context = {
      tenantId: envelope.tenantId,
      correlationId: envelope.correlationId,
      causationId: envelope.id,
    };
    const outcome = await runWithContext(context, () =>
      this.dataSource.transaction(async (manager): Promise<InboxOutcome> => {
        const inserted = await manager.query<Array<{ event_id: string }>>(
          `INSERT INTO inbox_events (consumer, event_id, tenant_id, type) VALUES ($1, $2, $3, $4)
           ON CONFLICT (consumer, event_id) DO NOTHING RETURNING event_id`,
          [consumer, envelope.id, envelope.tenantId, envelope.type],
        );
        if (inserted.length === 0) return 'duplicate';
        await handler(envelope, manager);
        return 'applied';
      }),
    );
    if (outcome === 'applied') this.outbox.notify();
    return outcome;
  }
}
