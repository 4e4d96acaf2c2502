import { Injectable } from '@nestjs/common';
import { requireTenant } from '@baton/platform';
import type { EntityManager } from 'typeorm';
import type { StockMovementEntity } from './stock-movement.entity';

export type NewMovement = Omit<StockMovementEntity, 'id' | 'tenantId' | 'createdAt'>;

const INSERT_FROM_ARRAYS = `
  INSERT INTO stock_movements
    (tenant_id, sku, location_id, type, on_hand_delta, reserved_delta, reference, reason, principal)
  SELECT $1, m.sku, m.location_id, m.type, m.on_hand_delta, m.reserved_delta, m.reference, m.reason, m.principal
    FROM unnest($2::text[], $3::uuid[], $4::text[], $5::int8[], $6::int8[], $7::text[], $8::text[], $9::text[])
      AS m(sku, location_id, type, on_hand_delta, reserved_delta, reference, reason, principal)`;

/**
 * The only place that writes the stock ledger; entries are appended in the caller's transaction,
 * never changed. Every entry belongs to the current tenant.
 */
@Injectable()
export class StockMovementsRepository {
  /**
   * Appends one entry unless an entry with the same (type, reference, sku, location) exists.
   * Returns false for such a repeat, which is how a movement is idempotent by its reference. A
   * concurrent repeat waits for the first one's transaction and then sees it.
   */
  async recordOnce(manager: EntityManager, movement: NewMovement): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `${INSERT_FROM_ARRAYS}
       ON CONFLICT (tenant_id, type, reference, sku, location_id) DO NOTHING
       RETURNING id`,
      [requireTenant(), ...columnsOf([movement])],
    );
    return rows.length === 1;
  }

  /** Appends entries that are new by construction (their reference was just claimed). */
  async record(manager: EntityManager, movements: NewMovement[]): Promise<void> {
    await manager.query(INSERT_FROM_ARRAYS, [requireTenant(), ...columnsOf(movements)]);
  }
}

function columnsOf(movements: NewMovement[]): unknown[] {
  return [
    movements.map((m) => m.sku),
    movements.map((m) => m.locationId),
    movements.map((m) => m.type),
    movements.map((m) => m.onHandDelta),
    movements.map((m) => m.reservedDelta),
    movements.map((m) => m.reference),
    movements.map((m) => m.reason),
    movements.map((m) => m.principal),
  ];
}
