import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { requireTenant, tenantScope } from '@baton/platform';
import { DataSource, EntityManager, In } from 'typeorm';
import { ReservationEntity } from './reservation.entity';

export type NewReservation = Omit<ReservationEntity, 'tenantId' | 'createdAt'>;

/** The only place with queries on reservations; every query is scoped to the current tenant. */
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

  findByOrderLines(orderId: string, lineIds: string[]): Promise<ReservationEntity[]> {
    return this.dataSource.getRepository(ReservationEntity).findBy(tenantScope({ orderId, lineId: In(lineIds) }));
  }
}
