import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EventEnvelope } from '@baton/domain';
import { requireTenant } from '@baton/platform';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { NewReservation } from '../reservation/reservations.repository';
import type { PositionKey } from './position-deltas';
import { GUARD } from './stock-positions.repository';

/** What one position's reservation writes: its reservation rows, and the events around it. */
export interface OnePositionReservation {
  position: PositionKey;
  /** Units of the position all lines ask for together. */
  quantity: number;
  reservations: NewReservation[];
  principal: string | null;
  reserved: EventEnvelope<'inventory.stock.reserved.v1'>;
  /** The envelope of the low-stock event, should this reservation cross the threshold; its data is filled in SQL. */
  low: EventEnvelope<'inventory.stock.low.v1'>;
}

export type OneStatementOutcome = 'reserved' | 'line-taken' | 'refused';

const REFUSED = 'BTR01';
const LINE_TAKEN = 'BTR02';

/**
 * The reservation of a single position as one statement, in its own transaction — one round trip
 * instead of six, which is what makes reserving one SKU cheap: claim the order lines (idempotency),
 * then the guarded update of the position (the same {@link GUARD} as every other stock change,
 * evaluated only once the lines are claimed), then the ledger entries and the outbox rows (the
 * columns `Outbox.append` writes) only if the update passed. If the lines were taken or the guard
 * refused, `inventory_abort` raises and the whole statement rolls back: nothing is written.
 */
@Injectable()
export class OneStatementReservationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The driver's pool itself: one statement needs neither a query runner nor a transaction
   * object, and skipping them — and preparing the statement once per connection (a named
   * query) instead of parsing and planning it on every call — is a measurable part of the hot path.
   */
  private pool(): Pool {
    return (this.dataSource.driver as unknown as { master: Pool }).master;
  }

  async reserve(input: OnePositionReservation): Promise<OneStatementOutcome> {
    const { reservations: rows, position } = input;
    try {
      await this.pool().query({
        name: 'inventory-reserve-one-position',
        text: `WITH claimed AS (
           INSERT INTO reservations (id, tenant_id, order_id, line_id, sku, location_id, quantity, status, expires_at)
           SELECT x.id, $1, x.order_id, x.line_id, $5, $6, x.quantity, 'held', x.expires_at
             FROM unnest($2::uuid[], $3::text[], $4::text[], $7::int8[], $8::timestamptz[])
               AS x(id, order_id, line_id, quantity, expires_at)
           ON CONFLICT (tenant_id, order_id, line_id) DO NOTHING
           RETURNING order_id, line_id, quantity
         ), claims AS (
           SELECT count(*) AS n FROM claimed
         ), changed AS (
           UPDATE stock_positions p
              SET on_hand = p.on_hand + d.on_hand_delta, reserved = p.reserved + d.reserved_delta,
                  version = p.version + 1, updated_at = now()
             FROM (SELECT 0::int8 AS on_hand_delta, $9::int8 AS reserved_delta) d
            WHERE p.tenant_id = $1 AND p.sku = $5 AND p.location_id = $6
              AND (SELECT n FROM claims) = $10 AND ${GUARD}
            RETURNING p.on_hand, p.reserved, p.safety_stock,
              (SELECT i.low_stock_threshold FROM items i WHERE i.tenant_id = p.tenant_id AND i.sku = p.sku) AS threshold
         ), ledger AS (
           INSERT INTO stock_movements (tenant_id, sku, location_id, type, on_hand_delta, reserved_delta, reference, reason, principal)
           SELECT $1, $5, $6, 'reservation', 0, c.quantity, 'order/' || c.order_id || '/' || c.line_id, NULL, $11
             FROM claimed c WHERE EXISTS (SELECT 1 FROM changed)
         ), announced AS (
           INSERT INTO outbox_events (id, tenant_id, aggregate_type, aggregate_id, type, envelope)
           SELECT $12, $1, $13, $14, $15, $16::jsonb WHERE EXISTS (SELECT 1 FROM changed)
         ), low AS (
           INSERT INTO outbox_events (id, tenant_id, aggregate_type, aggregate_id, type, envelope)
           SELECT $17, $1, $18, $19, $20,
                  jsonb_set($21::jsonb, '{data}', jsonb_build_object(
                    'sku', $5::text, 'locationId', $6::text,
                    'available', greatest(c.on_hand - c.reserved - c.safety_stock, 0), 'threshold', c.threshold,
                    'onHand', c.on_hand, 'reserved', c.reserved))
             FROM changed c
            WHERE c.threshold IS NOT NULL
              AND greatest(c.on_hand - c.reserved + $9 - c.safety_stock, 0) > c.threshold
              AND greatest(c.on_hand - c.reserved - c.safety_stock, 0) <= c.threshold
         )
         SELECT CASE
                  WHEN (SELECT n FROM claims) < $10 THEN inventory_abort('${LINE_TAKEN}', 'order line already reserved')
                  WHEN NOT EXISTS (SELECT 1 FROM changed) THEN inventory_abort('${REFUSED}', 'stock guard refused')
                  ELSE 0
                END AS outcome`,
        values: [
          requireTenant(),
          rows.map((r) => r.id),
          rows.map((r) => r.orderId),
          rows.map((r) => r.lineId),
          position.sku,
          position.locationId,
          rows.map((r) => r.quantity),
          rows.map((r) => r.expiresAt),
          input.quantity,
          rows.length,
          input.principal,
          input.reserved.id,
          input.reserved.aggregateType,
          input.reserved.aggregateId,
          input.reserved.type,
          JSON.stringify(input.reserved),
          input.low.id,
          input.low.aggregateType,
          input.low.aggregateId,
          input.low.type,
          JSON.stringify(input.low),
        ],
      });
      return 'reserved';
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === LINE_TAKEN) return 'line-taken';
      if (code === REFUSED) return 'refused';
      throw error;
    }
  }
}
