import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { requireTenant } from '@baton/platform';
import { DataSource, EntityManager } from 'typeorm';
import type { StockPositionEntity } from './stock-position.entity';

export interface PositionKey {
  sku: string;
  locationId: string;
}

interface PositionRow {
  tenant_id: string;
  sku: string;
  location_id: string;
  on_hand: string;
  reserved: string;
  safety_stock: string;
  version: string;
  updated_at: Date;
}

const COLUMNS = 'tenant_id, sku, location_id, on_hand, reserved, safety_stock, version, updated_at';

/**
 * The only place with queries on stock positions; every query is scoped to the current tenant.
 * Writes take the caller's transaction (`manager`) so that a position never changes without its
 * ledger entry.
 */
@Injectable()
export class StockPositionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Adds to on hand, creating the position at zero first when it does not exist yet. */
  async addOnHand(manager: EntityManager, key: PositionKey, quantity: number): Promise<StockPositionEntity> {
    const rows: PositionRow[] = await manager.query(
      `INSERT INTO stock_positions AS p (tenant_id, sku, location_id, on_hand, reserved, safety_stock, version, updated_at)
       VALUES ($1, $2, $3, $4, 0, 0, 1, now())
       ON CONFLICT (tenant_id, sku, location_id) DO UPDATE
         SET on_hand = p.on_hand + EXCLUDED.on_hand, version = p.version + 1, updated_at = now()
       RETURNING ${COLUMNS}`,
      [requireTenant(), key.sku, key.locationId, quantity],
    );
    return fromRow(rows[0]);
  }

  /**
   * The one guarded step of every reservation: checks availability and raises `reserved` in a
   * single statement, so two callers can never both take the last unit. Null when the position
   * does not exist or has less than `quantity` available to promise.
   */
  async reserveIfAvailable(
    manager: EntityManager,
    key: PositionKey,
    quantity: number,
  ): Promise<StockPositionEntity | null> {
    const [rows]: [PositionRow[], number] = await manager.query(
      `UPDATE stock_positions
          SET reserved = reserved + $4, version = version + 1, updated_at = now()
        WHERE tenant_id = $1 AND sku = $2 AND location_id = $3
          AND on_hand - reserved - safety_stock >= $4
        RETURNING ${COLUMNS}`,
      [requireTenant(), key.sku, key.locationId, quantity],
    );
    return rows.length > 0 ? fromRow(rows[0]) : null;
  }

  async find(key: PositionKey, manager: EntityManager = this.dataSource.manager): Promise<StockPositionEntity | null> {
    const rows: PositionRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM stock_positions WHERE tenant_id = $1 AND sku = $2 AND location_id = $3`,
      [requireTenant(), key.sku, key.locationId],
    );
    return rows.length > 0 ? fromRow(rows[0]) : null;
  }

  async findMany(keys: PositionKey[]): Promise<StockPositionEntity[]> {
    const rows: PositionRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM stock_positions
        WHERE tenant_id = $1
          AND (sku, location_id) IN (SELECT * FROM unnest($2::text[], $3::uuid[]))`,
      [requireTenant(), keys.map((k) => k.sku), keys.map((k) => k.locationId)],
    );
    return rows.map(fromRow);
  }

  /** Positions of one SKU at active locations, in location-code order. */
  async findAtActiveLocations(sku: string): Promise<StockPositionEntity[]> {
    const rows: PositionRow[] = await this.dataSource.query(
      `SELECT p.tenant_id, p.sku, p.location_id, p.on_hand, p.reserved, p.safety_stock, p.version, p.updated_at
         FROM stock_positions p
         JOIN locations l ON l.tenant_id = p.tenant_id AND l.id = p.location_id
        WHERE p.tenant_id = $1 AND p.sku = $2 AND l.active
        ORDER BY l.code`,
      [requireTenant(), sku],
    );
    return rows.map(fromRow);
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
    version: Number(row.version),
    updatedAt: row.updated_at,
  };
}
