import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@baton/domain';

const COLUMNS_PER_ROW = 6;

/**
 * The write side of the transactional outbox. Events are stored in the same transaction as the state
 * change that raised them, so either both commit or neither does: an event is never published for a
 * change that rolled back, and never lost for one that committed. Publishing is the relay's job.
 */
@Injectable()
export class Outbox {
  private readonly listeners = new Set<() => void>();

  /** Stores `events` in the caller's transaction, in the order given (which is the publish order). */
  async append(manager: EntityManager, ...events: EventEnvelope[]): Promise<void> {
    if (events.length === 0) return;
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('Outbox.append needs the EntityManager of an open transaction');
    }
    const values: string[] = [];
    const parameters: unknown[] = [];
    for (const event of events) {
      const base = parameters.length;
      values.push(
        `(${Array.from({ length: COLUMNS_PER_ROW }, (_, i) => `$${base + i + 1}`).join(', ')}::jsonb)`,
      );
      parameters.push(
        event.id,
        event.tenantId,
        event.aggregateType,
        event.aggregateId,
        event.type,
        JSON.stringify(event),
      );
    }
    await manager.query(
      `INSERT INTO outbox_events (id, tenant_id, aggregate_type, aggregate_id, type, envelope)
       VALUES ${values.join(', ')}`,
      parameters,
    );
  }

  /** Wakes the relay now instead of at its next poll; call it after the transaction committed. */
  notify(): void {
    for (const listener of this.listeners) listener();
  }

  /** Registers a wake-up listener (the relay's); returns the function that removes it again. */
  onNotify(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
