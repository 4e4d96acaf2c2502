import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { EventEnvelope } from '@baton/domain';
import { requireTenant } from '@baton/platform';

/** A position in the event log: occurrence time, then event id. */
export interface EventLogCursor {
  occurredAt: string;
  eventId: string;
}

/**
 * Every event tracking handled, whole. It is the event source of the embedded mode (no JetStream
 * to re-read): webhook replays and rebuilds read it there. Written once per event id.
 */
@Injectable()
export class EventLogRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(manager: EntityManager, envelope: EventEnvelope): Promise<void> {
    await manager.query(
      `INSERT INTO tracked_events (event_id, tenant_id, type, occurred_at, envelope)
       VALUES ($1, $2, $3, $4, $5::jsonb) ON CONFLICT (event_id) DO NOTHING`,
      [envelope.id, envelope.tenantId, envelope.type, envelope.occurredAt, JSON.stringify(envelope)],
    );
  }

  /** The current tenant's events that occurred in [from, to], after `cursor`, oldest first. */
  async readTenant(from: Date, to: Date, cursor: EventLogCursor | null, limit: number): Promise<EventEnvelope[]> {
    return this.read([requireTenant()], from, to, cursor, limit);
  }

  /**
   * Every tenant's events in [from, to] after `cursor`, oldest first: for a rebuild, a system job
   * that deliberately crosses tenants (each event still carries its own).
   */
  async readAllTenants(from: Date, to: Date, cursor: EventLogCursor | null, limit: number): Promise<EventEnvelope[]> {
    return this.read(null, from, to, cursor, limit);
  }

  private async read(
    tenants: string[] | null,
    from: Date,
    to: Date,
    cursor: EventLogCursor | null,
    limit: number,
  ): Promise<EventEnvelope[]> {
    const rows = await this.dataSource.query<Array<{ envelope: EventEnvelope }>>(
      `SELECT envelope FROM tracked_events
        WHERE ($1::text[] IS NULL OR tenant_id = ANY($1::text[]))
          AND occurred_at >= $2 AND occurred_at <= $3
          AND ($4::timestamptz IS NULL OR (occurred_at, event_id) > ($4::timestamptz, $5::uuid))
        ORDER BY occurred_at, event_id
        LIMIT $6`,
      [tenants, from.toISOString(), to.toISOString(), cursor?.occurredAt ?? null, cursor?.eventId ?? null, limit],
    );
    return rows.map((row) => row.envelope);
  }
}
