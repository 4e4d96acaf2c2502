import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { requireTenant } from '@baton/platform';
import { DataSource, type EntityManager } from 'typeorm';
import type { MovementType } from './movement-types';
import { type MovementIntent, movementKeyOf } from './position-deltas';
import type { StockMovementEntity } from './stock-movement.entity';

interface MovementRow {
  id: string;
  seq: string;
  tenant_id: string;
  sku: string;
  location_id: string;
  type: MovementType;
  on_hand_delta: string;
  reserved_delta: string;
  reference: string;
  reason: string | null;
  principal: string | null;
  created_at: Date;
}

export interface MovementFilter {
  sku?: string;
  locationId?: string;
  type?: string;
  reference?: string;
}

/**
 * The only place that reads or writes the stock ledger. Entries are appended in the caller's
 * transaction, never changed (a trigger refuses UPDATE and DELETE). Every entry belongs to the
 * current tenant.
 */
@Injectable()
export class StockMovementsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Appends every intent whose (type, reference, sku, location) is not in the ledger yet and
   * returns the keys ({@link movementKeyOf}) of those it appended. A repeat appends nothing — that
   * is how a movement is idempotent by its reference; a concurrent repeat waits for the first
   * one's transaction and then sees it.
   */
  async recordNew(manager: EntityManager, intents: MovementIntent[], principal: string | null): Promise<Set<string>> {
    if (intents.length === 0) return new Set();
    const rows: Array<Pick<MovementRow, 'type' | 'reference' | 'sku' | 'location_id'>> = await manager.query(
      `INSERT INTO stock_movements
         (tenant_id, sku, location_id, type, on_hand_delta, reserved_delta, reference, reason, principal)
       SELECT $1, m.sku, m.location_id, m.type, m.on_hand_delta, m.reserved_delta, m.reference, m.reason, $9
         FROM unnest($2::text[], $3::uuid[], $4::text[], $5::int8[], $6::int8[], $7::text[], $8::text[])
           AS m(sku, location_id, type, on_hand_delta, reserved_delta, reference, reason)
       ON CONFLICT (tenant_id, type, reference, sku, location_id) DO NOTHING
       RETURNING type, reference, sku, location_id`,
      [
        requireTenant(),
        intents.map((m) => m.sku),
        intents.map((m) => m.locationId),
        intents.map((m) => m.type),
        intents.map((m) => m.onHandDelta),
        intents.map((m) => m.reservedDelta),
        intents.map((m) => m.reference),
        intents.map((m) => m.reason),
        principal,
      ],
    );
    return new Set(rows.map((row) => movementKeyOf({ ...row, locationId: row.location_id })));
  }

  /** A page of ledger entries, newest first (descending seq), filtered. */
  async page(filter: MovementFilter, beforeSeq: number | undefined, limit: number): Promise<StockMovementEntity[]> {
    const rows: MovementRow[] = await this.dataSource.query(
      `SELECT m.id, m.seq, m.tenant_id, m.sku, m.location_id, m.type, m.on_hand_delta, m.reserved_delta,
              m.reference, m.reason, m.principal, m.created_at
         FROM stock_movements m
        WHERE m.tenant_id = $1
          AND ($2::text IS NULL OR m.sku = $2)
          AND ($3::uuid IS NULL OR m.location_id = $3)
          AND ($4::text IS NULL OR m.type = $4)
          AND ($5::text IS NULL OR m.reference = $5)
          AND ($6::int8 IS NULL OR m.seq < $6)
        ORDER BY m.seq DESC
        LIMIT $7`,
      [
        requireTenant(),
        filter.sku ?? null,
        filter.locationId ?? null,
        filter.type ?? null,
        filter.reference ?? null,
        beforeSeq ?? null,
        limit,
      ],
    );
    return rows.map(fromRow);
  }

  /** Which of `references` the ledger holds a movement of `type` for. */
  async existingReferences(manager: EntityManager, type: MovementType, references: string[]): Promise<Set<string>> {
    if (references.length === 0) return new Set();
    const rows: Array<{ reference: string }> = await manager.query(
      `SELECT DISTINCT reference FROM stock_movements WHERE tenant_id = $1 AND type = $2 AND reference = ANY($3::text[])`,
      [requireTenant(), type, references],
    );
    return new Set(rows.map((row) => row.reference));
  }

  /** Whether the ledger has any entry at the location. */
  async existsAtLocation(manager: EntityManager, locationId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM stock_movements WHERE tenant_id = $1 AND location_id = $2 LIMIT 1`,
      [requireTenant(), locationId],
    );
    return rows.length > 0;
  }
}

function fromRow(row: MovementRow): StockMovementEntity {
  return {
    id: row.id,
    seq: Number(row.seq),
    tenantId: row.tenant_id,
    sku: row.sku,
    locationId: row.location_id,
    type: row.type,
    onHandDelta: Number(row.on_hand_delta),
    reservedDelta: Number(row.reserved_delta),
    reference: row.reference,
    reason: row.reason,
    principal: row.principal,
    createdAt: row.created_at,
  };
}
