import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { requireTenant } from '@baton/platform';
import type { OrderIndexDraft } from '../projection/read-model-drafts';

export interface IndexedOrder {
  orderId: string;
  channel: string | null;
  channelOrderId: string | null;
  customerEmail: string | null;
  customerPhone: string | null;
  placedAt: Date | null;
  lastEventAt: Date;
}

/** One look-up criterion, already normalised. */
/** Location ids a caller is limited to (a partner's own), or null for the whole tenant. */
export type LocationFilter = string[] | null;

export type OrderCriterion =
  | { by: 'orderId'; value: string }
  | { by: 'channelOrderId'; value: string }
  | { by: 'email'; value: string }
  | { by: 'phone'; value: string }
  | { by: 'trackingNumber'; value: string };

/** Keyset position in a search result: newest activity first. */
export interface SearchCursor {
  lastEventAt: string;
  orderId: string;
}

const CONDITIONS: Record<OrderCriterion['by'], string> = {
  orderId: 'o.order_id = $2',
  channelOrderId: 'o.channel_order_id = $2',
  email: 'o.customer_email = $2',
  phone: 'o.customer_phone = $2',
  trackingNumber: `o.order_id IN (SELECT s.order_id FROM tracked_shipments s WHERE s.tenant_id = $1 AND s.tracking_number = $2)`,
};

interface Row {
  order_id: string;
  channel: string | null;
  channel_order_id: string | null;
  customer_email: string | null;
  customer_phone: string | null;
  placed_at: Date | null;
  last_event_at: Date;
}

/**
 * The order index: per order, what customer service looks it up by. Each column is set by one event
 * type only (or merged as a set / a min / a max), so the row ends the same whatever order events
 * arrive in. Reads are scoped to the current tenant.
 */
@Injectable()
export class OrderIndexRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(manager: EntityManager, draft: OrderIndexDraft): Promise<void> {
    await manager.query(
      `INSERT INTO tracked_orders AS o
         (tenant_id, order_id, channel, channel_order_id, customer_email, customer_phone, placed_at,
          location_ids, first_event_at, last_event_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7,
               ARRAY(SELECT DISTINCT l COLLATE "C" FROM unnest($8::text[]) AS l ORDER BY 1), $9, $9)
       ON CONFLICT (tenant_id, order_id) DO UPDATE SET
         channel = coalesce(EXCLUDED.channel, o.channel),
         channel_order_id = coalesce(EXCLUDED.channel_order_id, o.channel_order_id),
         customer_email = coalesce(EXCLUDED.customer_email, o.customer_email),
         customer_phone = coalesce(EXCLUDED.customer_phone, o.customer_phone),
         placed_at = coalesce(EXCLUDED.placed_at, o.placed_at),
         location_ids = ARRAY(SELECT DISTINCT l COLLATE "C" FROM unnest(o.location_ids || EXCLUDED.location_ids) AS l ORDER BY 1),
         first_event_at = least(o.first_event_at, EXCLUDED.first_event_at),
         last_event_at = greatest(o.last_event_at, EXCLUDED.last_event_at)`,
      [
        draft.tenantId,
        draft.orderId,
        draft.channel,
        draft.channelOrderId,
        draft.customerEmail,
        draft.customerPhone,
        draft.placedAt?.toISOString() ?? null,
        draft.locationIds,
        draft.occurredAt.toISOString(),
      ],
    );
  }

  async findOne(orderId: string): Promise<IndexedOrder | null> {
    const [found] = await this.search({ by: 'orderId', value: orderId }, null, 1);
    return found ?? null;
  }

  /** Of these orders of the current tenant, those touching one of `locations` (all when null). */
  async visible(orderIds: string[], locations: LocationFilter): Promise<Set<string>> {
    if (locations === null) return new Set(orderIds);
    if (orderIds.length === 0 || locations.length === 0) return new Set();
    const rows = await this.dataSource.query<Array<{ order_id: string }>>(
      `SELECT order_id FROM tracked_orders WHERE tenant_id = $1 AND order_id = ANY($2::text[]) AND location_ids && $3::text[]`,
      [requireTenant(), orderIds, locations],
    );
    return new Set(rows.map((row) => row.order_id));
  }

  /** Orders of the current tenant matching one criterion (and touching `locations`), most recent activity first. */
  async search(criterion: OrderCriterion, after: SearchCursor | null, limit: number, locations: LocationFilter = null): Promise<IndexedOrder[]> {
    const rows = await this.dataSource.query<Row[]>(
      `SELECT o.order_id, o.channel, o.channel_order_id, o.customer_email, o.customer_phone, o.placed_at, o.last_event_at
         FROM tracked_orders o
        WHERE o.tenant_id = $1 AND ${CONDITIONS[criterion.by]}
          AND ($3::timestamptz IS NULL OR (o.last_event_at, o.order_id) < ($3::timestamptz, $4::text))
          AND ($6::text[] IS NULL OR o.location_ids && $6::text[])
        ORDER BY o.last_event_at DESC, o.order_id DESC
        LIMIT $5`,
      [requireTenant(), criterion.value, after?.lastEventAt ?? null, after?.orderId ?? null, limit, locations],
    );
    return rows.map((row) => ({
      orderId: row.order_id,
      channel: row.channel,
      channelOrderId: row.channel_order_id,
      customerEmail: row.customer_email,
      customerPhone: row.customer_phone,
      placedAt: row.placed_at,
      lastEventAt: row.last_event_at,
    }));
  }
}
