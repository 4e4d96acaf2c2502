import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { tenantScope } from '@baton/platform';
import { TimelineEntryEntity } from './timeline-entry.entity';
import type { TimelineEntryDraft } from './timeline-projection';

/** The only place that queries the timeline; reads are scoped to the current tenant. */
@Injectable()
export class TimelineRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Records an entry once per event: a second insert of the same event id does nothing. */
  async record(manager: EntityManager, entry: TimelineEntryDraft): Promise<void> {
    await manager.query(
      `INSERT INTO timeline_entries
         (tenant_id, order_id, event_id, type, service, occurred_at, summary, location_id, correlation_id, data)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb)
       ON CONFLICT (event_id) DO NOTHING`,
      [
        entry.tenantId,
        entry.orderId,
        entry.eventId,
        entry.type,
        entry.service,
        entry.occurredAt.toISOString(),
        entry.summary,
        entry.locationId,
        entry.correlationId,
        JSON.stringify(entry.data),
      ],
    );
  }

  /** Oldest first; events at the same instant in event id order, so every read agrees. */
  async findByOrder(orderId: string): Promise<TimelineEntryEntity[]> {
    return this.findByOrders([orderId]);
  }

  /** The entries of several orders of the current tenant, oldest first. */
  async findByOrders(orderIds: string[]): Promise<TimelineEntryEntity[]> {
    if (orderIds.length === 0) return [];
    return this.dataSource
      .getRepository(TimelineEntryEntity)
      .find({ where: tenantScope({ orderId: In(orderIds) }), order: { occurredAt: 'ASC', eventId: 'ASC' } });
  }
}
