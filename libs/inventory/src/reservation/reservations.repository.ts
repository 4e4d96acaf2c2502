import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { requireTenant } from '@baton/platform';
import { DataSource, EntityManager } from 'typeorm';
import type { ReservationEntity } from './reservation.entity';
import type { ReservationStatus } from './reservation-status';

export type NewReservation = Pick<
  ReservationEntity,
  'id' | 'orderId' | 'lineId' | 'sku' | 'locationId' | 'quantity' | 'status' | 'expiresAt'
>;

/** A settled change of one reservation: units released and/or consumed now, and the status after. */
export interface ReservationSettlement {
  id: string;
  released: number;
  consumed: number;
  status: ReservationStatus;
}

interface ReservationRow {
  id: string;
  tenant_id: string;
  order_id: string;
  line_id: string;
  sku: string;
  location_id: string;
  quantity: string;
  status: ReservationStatus;
  expires_at: Date;
  released_quantity: string;
  consumed_quantity: string;
  confirmed_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `id, tenant_id, order_id, line_id, sku, location_id, quantity, status, expires_at,
  released_quantity, consumed_quantity, confirmed_at, created_at, updated_at`;

/**
 * The only place with queries on reservations; every query is scoped to the current tenant except
 * {@link tenantsWithExpiredHolds}, the expiry sweeper's entry point, which only names tenants.
 * Mutations take the reservation rows' locks first (by line id), positions after (the ledger).
 */
@Injectable()
export class ReservationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Inserts reservations in the caller's transaction, skipping any (order, line) that already has
   * one; returns how many were inserted. A line held by a concurrent, uncommitted request makes
   * this wait for that request's outcome.
   */
  async insertHeld(manager: EntityManager, reservations: NewReservation[]): Promise<number> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO reservations (id, tenant_id, order_id, line_id, sku, location_id, quantity, status, expires_at)
       SELECT r.id, $1, r.order_id, r.line_id, r.sku, r.location_id, r.quantity, r.status, r.expires_at
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::int8[], $8::text[], $9::timestamptz[])
           AS r(id, order_id, line_id, sku, location_id, quantity, status, expires_at)
       ON CONFLICT (tenant_id, order_id, line_id) DO NOTHING
       RETURNING id`,
      [
        requireTenant(),
        reservations.map((r) => r.id),
        reservations.map((r) => r.orderId),
        reservations.map((r) => r.lineId),
        reservations.map((r) => r.sku),
        reservations.map((r) => r.locationId),
        reservations.map((r) => r.quantity),
        reservations.map((r) => r.status),
        reservations.map((r) => r.expiresAt),
      ],
    );
    return rows.length;
  }

  async findByOrderLines(orderId: string, lineIds: string[]): Promise<ReservationEntity[]> {
    const rows: ReservationRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM reservations WHERE tenant_id = $1 AND order_id = $2 AND line_id = ANY($3::text[])`,
      [requireTenant(), orderId, lineIds],
    );
    return rows.map(fromRow);
  }

  /** Every reservation of an order, in line order. */
  async findByOrder(orderId: string, manager: EntityManager = this.dataSource.manager): Promise<ReservationEntity[]> {
    const rows: ReservationRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM reservations WHERE tenant_id = $1 AND order_id = $2 ORDER BY line_id COLLATE "C"`,
      [requireTenant(), orderId],
    );
    return rows.map(fromRow);
  }

  /** Locks the order's reservations (all, or those of `lineIds`) in line order and returns them. */
  async lockForOrder(manager: EntityManager, orderId: string, lineIds?: string[]): Promise<ReservationEntity[]> {
    const rows: ReservationRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM reservations
        WHERE tenant_id = $1 AND order_id = $2 AND ($3::text[] IS NULL OR line_id = ANY($3::text[]))
        ORDER BY line_id COLLATE "C"
          FOR UPDATE`,
      [requireTenant(), orderId, lineIds ?? null],
    );
    return rows.map(fromRow);
  }

  /** Confirms the given held reservations: no expiry from now on. */
  async confirm(manager: EntityManager, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await manager.query(
      `UPDATE reservations SET status = 'confirmed', confirmed_at = now(), updated_at = now()
        WHERE tenant_id = $1 AND id = ANY($2::uuid[]) AND status = 'held'`,
      [requireTenant(), ids],
    );
  }

  /** Adds released/consumed units and sets the status, for rows the caller holds locked. */
  async settle(manager: EntityManager, settlements: ReservationSettlement[]): Promise<void> {
    if (settlements.length === 0) return;
    await manager.query(
      `UPDATE reservations r
          SET released_quantity = r.released_quantity + s.released,
              consumed_quantity = r.consumed_quantity + s.consumed,
              status = s.status, updated_at = now()
         FROM unnest($2::uuid[], $3::int8[], $4::int8[], $5::text[]) AS s(id, released, consumed, status)
        WHERE r.tenant_id = $1 AND r.id = s.id`,
      [
        requireTenant(),
        settlements.map((s) => s.id),
        settlements.map((s) => s.released),
        settlements.map((s) => s.consumed),
        settlements.map((s) => s.status),
      ],
    );
  }

  /**
   * The sweeper's claim: up to `limit` held reservations of the tenant past their expiry, locked,
   * skipping rows another transaction holds (a confirmation, a release, another sweeper replica).
   */
  async claimExpired(manager: EntityManager, now: Date, limit: number): Promise<ReservationEntity[]> {
    const rows: ReservationRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM reservations
        WHERE tenant_id = $1 AND status = 'held' AND expires_at <= $2
        ORDER BY expires_at
        LIMIT $3
          FOR UPDATE SKIP LOCKED`,
      [requireTenant(), now, limit],
    );
    return rows.map(fromRow);
  }

  /** The tenants with held reservations past expiry: the one query across tenants, for the sweeper. */
  async tenantsWithExpiredHolds(now: Date): Promise<string[]> {
    const rows: Array<{ tenant_id: string }> = await this.dataSource.query(
      `SELECT DISTINCT tenant_id FROM reservations WHERE status = 'held' AND expires_at <= $1`,
      [now],
    );
    return rows.map((row) => row.tenant_id);
  }

  /** Whether any reservation was ever made at the location. */
  async existsAtLocation(manager: EntityManager, locationId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM reservations WHERE tenant_id = $1 AND location_id = $2 LIMIT 1`,
      [requireTenant(), locationId],
    );
    return rows.length > 0;
  }
}

function fromRow(row: ReservationRow): ReservationEntity {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    orderId: row.order_id,
    lineId: row.line_id,
    sku: row.sku,
    locationId: row.location_id,
    quantity: Number(row.quantity),
    status: row.status,
    expiresAt: row.expires_at,
    releasedQuantity: Number(row.released_quantity),
    consumedQuantity: Number(row.consumed_quantity),
    confirmedAt: row.confirmed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
