import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { requireTenant } from '@baton/platform';
import { DataSource, EntityManager } from 'typeorm';
import { type PositionDelta, type PositionKey, comparePositions } from './position-deltas';
import type { StockPositionEntity } from './stock-position.entity';

export type { PositionKey } from './position-deltas';

export interface PositionRow {
  tenant_id: string;
  sku: string;
  location_id: string;
  on_hand: string;
  reserved: string;
  safety_stock: string;
  safety_stock_override: boolean;
  version: string;
  updated_at: Date;
}

export type ChangedRow = PositionRow & { low_stock_threshold: string | null };

/** A position after a guarded change, with the item's low-stock threshold read under the same lock. */
export interface ChangedPosition extends StockPositionEntity {
  lowStockThreshold: number | null;
}

const COLUMNS = 'tenant_id, sku, location_id, on_hand, reserved, safety_stock, safety_stock_override, version, updated_at';
export const P_COLUMNS = COLUMNS.split(', ')
  .map((column) => `p.${column}`)
  .join(', ');
export const RETURNING = `${P_COLUMNS},
  (SELECT i.low_stock_threshold FROM items i WHERE i.tenant_id = p.tenant_id AND i.sku = p.sku) AS low_stock_threshold`;

/**
 * The safety stock a new position starts with: the item's rule for the location's type, else the
 * item's default. Used where positions are created, so a position never starts without it.
 */
function itemSafetyStock(position: string): string {
  return `coalesce(
  (SELECT coalesce((i.safety_stock_by_location_type ->> l.type)::bigint, i.safety_stock)
     FROM items i JOIN locations l ON l.tenant_id = i.tenant_id AND l.id = ${position}.location_id
    WHERE i.tenant_id = $1 AND i.sku = ${position}.sku), 0)`;
}

/**
 * The guard of every stock change, in SQL (see `passesGuard` for the same rule in code): nothing
 * negative, reserved never above on hand, and a reservation only out of available-to-promise.
 */
export const GUARD = `p.reserved + d.reserved_delta >= 0
   AND p.on_hand + d.on_hand_delta >= p.reserved + d.reserved_delta
   AND (d.reserved_delta <= 0 OR p.on_hand + d.on_hand_delta - p.reserved - p.safety_stock >= d.reserved_delta)`;

/**
 * The only place with queries on stock positions; every query is scoped to the current tenant.
 * Writes take the caller's transaction (`manager`) so that a position never changes without its
 * ledger entry; only {@link StockLedger} calls the writing methods.
 */
@Injectable()
export class StockPositionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Creates the missing positions among `keys` at zero, with the item's safety stock for the
   * location's type, in lock order. A position whose item or location does not exist fails with
   * the `stock_positions_item_fk` / `stock_positions_location_fk` violation.
   */
  async ensureExist(manager: EntityManager, keys: PositionKey[]): Promise<void> {
    if (keys.length === 0) return;
    const sorted = [...keys].sort(comparePositions);
    await manager.query(
      `INSERT INTO stock_positions (tenant_id, sku, location_id, on_hand, reserved, safety_stock, version, updated_at)
       SELECT $1, k.sku, k.location_id, 0, 0, ${itemSafetyStock('k')}, 1, now()
         FROM unnest($2::text[], $3::uuid[]) WITH ORDINALITY AS k(sku, location_id, n)
        ORDER BY k.n
       ON CONFLICT (tenant_id, sku, location_id) DO NOTHING`,
      [requireTenant(), sorted.map((k) => k.sku), sorted.map((k) => k.locationId)],
    );
  }

  /**
   * Applies each delta only if it passes the guard, in one statement per call. A single position
   * (the common reservation) is one plain UPDATE; several are locked first in (sku, location)
   * order so concurrent bookings cannot deadlock. Returns the positions that changed; a delta
   * that is missing from the answer was refused (or its position does not exist).
   */
  async applyGuarded(manager: EntityManager, deltas: PositionDelta[]): Promise<ChangedPosition[]> {
    if (deltas.length === 0) return [];
    const tenantId = requireTenant();
    if (deltas.length === 1) {
      const [delta] = deltas;
      const [rows]: [ChangedRow[], number] = await manager.query(
        `UPDATE stock_positions p
            SET on_hand = p.on_hand + d.on_hand_delta, reserved = p.reserved + d.reserved_delta,
                version = p.version + 1, updated_at = now()
           FROM (SELECT $4::int8 AS on_hand_delta, $5::int8 AS reserved_delta) d
          WHERE p.tenant_id = $1 AND p.sku = $2 AND p.location_id = $3 AND ${GUARD}
          RETURNING ${RETURNING}`,
        [tenantId, delta.sku, delta.locationId, delta.onHandDelta, delta.reservedDelta],
      );
      return rows.map(changedFromRow);
    }
    const [rows]: [ChangedRow[], number] = await manager.query(
      `WITH d AS (
         SELECT * FROM unnest($2::text[], $3::uuid[], $4::int8[], $5::int8[])
           AS d(sku, location_id, on_hand_delta, reserved_delta)
       ), locked AS MATERIALIZED (
         SELECT p.sku, p.location_id FROM stock_positions p
           JOIN d ON d.sku = p.sku AND d.location_id = p.location_id
          WHERE p.tenant_id = $1
          ORDER BY p.sku COLLATE "C", p.location_id
            FOR UPDATE OF p
       )
       UPDATE stock_positions p
          SET on_hand = p.on_hand + d.on_hand_delta, reserved = p.reserved + d.reserved_delta,
              version = p.version + 1, updated_at = now()
         FROM d JOIN locked USING (sku, location_id)
        WHERE p.tenant_id = $1 AND p.sku = d.sku AND p.location_id = d.location_id AND ${GUARD}
        RETURNING ${RETURNING}`,
      [
        tenantId,
        deltas.map((d) => d.sku),
        deltas.map((d) => d.locationId),
        deltas.map((d) => d.onHandDelta),
        deltas.map((d) => d.reservedDelta),
      ],
    );
    return rows.map(changedFromRow);
  }

  /**
   * Locks the existing positions among `keys` in (sku, location) order and returns them, for
   * operations that must read a position before deciding their delta (counts, snapshots).
   */
  async lock(manager: EntityManager, keys: PositionKey[]): Promise<StockPositionEntity[]> {
    if (keys.length === 0) return [];
    const rows: PositionRow[] = await manager.query(
      `SELECT ${P_COLUMNS} FROM stock_positions p
        WHERE p.tenant_id = $1 AND (p.sku, p.location_id) IN (SELECT * FROM unnest($2::text[], $3::uuid[]))
        ORDER BY p.sku COLLATE "C", p.location_id
          FOR UPDATE`,
      [requireTenant(), keys.map((k) => k.sku), keys.map((k) => k.locationId)],
    );
    return rows.map(fromRow);
  }

  async find(key: PositionKey, manager: EntityManager = this.dataSource.manager): Promise<StockPositionEntity | null> {
    const rows: PositionRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM stock_positions WHERE tenant_id = $1 AND sku = $2 AND location_id = $3`,
      [requireTenant(), key.sku, key.locationId],
    );
    return rows.length > 0 ? fromRow(rows[0]) : null;
  }

  async findMany(keys: PositionKey[], manager: EntityManager = this.dataSource.manager): Promise<StockPositionEntity[]> {
    if (keys.length === 0) return [];
    const rows: PositionRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM stock_positions
        WHERE tenant_id = $1
          AND (sku, location_id) IN (SELECT * FROM unnest($2::text[], $3::uuid[]))`,
      [requireTenant(), keys.map((k) => k.sku), keys.map((k) => k.locationId)],
    );
    return rows.map(fromRow);
  }

  /** A page of positions in (sku, location) order, optionally of one SKU and/or one location. */
  async page(
    filter: { sku?: string; locationId?: string },
    after: [string, string] | undefined,
    limit: number,
  ): Promise<StockPositionEntity[]> {
    const rows: PositionRow[] = await this.dataSource.query(
      `SELECT ${P_COLUMNS} FROM stock_positions p
        WHERE p.tenant_id = $1
          AND ($2::text IS NULL OR p.sku = $2)
          AND ($3::uuid IS NULL OR p.location_id = $3)
          AND ($4::text IS NULL OR (p.sku, p.location_id) > ($4::text, $5::uuid))
        ORDER BY p.sku, p.location_id
        LIMIT $6`,
      [
        requireTenant(),
        filter.sku ?? null,
        filter.locationId ?? null,
        after?.[0] ?? null,
        after?.[1] ?? null,
        limit,
      ],
    );
    return rows.map(fromRow);
  }

  /** Pins a position's safety stock (creating the position when needed) or hands it back to the item's rules. */
  async setSafetyStock(manager: EntityManager, key: PositionKey, quantity: number | null): Promise<StockPositionEntity> {
    const tenantId = requireTenant();
    await this.ensureExist(manager, [key]);
    const [rows]: [PositionRow[], number] = await manager.query(
      `UPDATE stock_positions p
          SET safety_stock = coalesce($4::int8, ${itemSafetyStock('p')}),
              safety_stock_override = $4::int8 IS NOT NULL, version = p.version + 1, updated_at = now()
        WHERE p.tenant_id = $1 AND p.sku = $2 AND p.location_id = $3
        RETURNING ${P_COLUMNS}`,
      [tenantId, key.sku, key.locationId, quantity],
    );
    return fromRow(rows[0]);
  }

  /**
   * Re-derives the safety stock of every position of `sku` that follows the item's rules, after
   * the item's rules changed. Safety stock is not a movement: the ledger is untouched.
   */
  async refreshItemSafetyStock(manager: EntityManager, sku: string): Promise<number> {
    const [, affected]: [unknown, number] = await manager.query(
      `UPDATE stock_positions p
          SET safety_stock = ${itemSafetyStock('p')}, version = p.version + 1, updated_at = now()
        WHERE p.tenant_id = $1 AND p.sku = $2 AND NOT p.safety_stock_override`,
      [requireTenant(), sku],
    );
    return affected;
  }

  /** Re-derives the safety stock of the location's positions that follow their item's rules (its type changed). */
  async refreshLocationSafetyStock(manager: EntityManager, locationId: string): Promise<number> {
    const [, affected]: [unknown, number] = await manager.query(
      `UPDATE stock_positions p
          SET safety_stock = ${itemSafetyStock('p')}, version = p.version + 1, updated_at = now()
        WHERE p.tenant_id = $1 AND p.location_id = $2 AND NOT p.safety_stock_override`,
      [requireTenant(), locationId],
    );
    return affected;
  }

  /** Whether any position of the location has ever existed (a position is never deleted). */
  async existsAtLocation(manager: EntityManager, locationId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM stock_positions WHERE tenant_id = $1 AND location_id = $2 LIMIT 1`,
      [requireTenant(), locationId],
    );
    return rows.length > 0;
  }
}

function fromRow(row: PositionRow): StockPositionEntity {
  return {
    tenantId: row.tenant_id,
    sku: row.sku,
    locationId: row.location_id,
    onHand: Number(row.on_hand),
    reserved: Number(row.reserved),
    safetyStock: Number(row.safety_stock),
    safetyStockOverride: row.safety_stock_override,
    version: Number(row.version),
    updatedAt: row.updated_at,
  };
}

export function changedFromRow(row: ChangedRow): ChangedPosition {
  return {
    ...fromRow(row),
    lowStockThreshold: row.low_stock_threshold === null ? null : Number(row.low_stock_threshold),
  };
}
