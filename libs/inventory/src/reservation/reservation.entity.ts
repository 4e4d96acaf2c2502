import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { BIGINT_AS_NUMBER } from '../bigint-column';
import type { ReservationStatus } from './reservation-status';

/**
 * Units held at one location for one order line; unique per (tenant, order, line). `quantity` is
 * what was reserved; what is still held is `quantity − releasedQuantity − consumedQuantity`.
 */
@Entity({ name: 'reservations' })
export class ReservationEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @Column({ name: 'order_id', type: 'text' })
  orderId!: string;

  @Column({ name: 'line_id', type: 'text' })
  lineId!: string;

  @Column({ type: 'text' })
  sku!: string;

  @Column({ name: 'location_id', type: 'uuid' })
  locationId!: string;

  @Column({ type: 'bigint', transformer: BIGINT_AS_NUMBER })
  quantity!: number;

  @Column({ type: 'text' })
  status!: ReservationStatus;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'released_quantity', type: 'bigint', transformer: BIGINT_AS_NUMBER })
  releasedQuantity!: number;

  @Column({ name: 'consumed_quantity', type: 'bigint', transformer: BIGINT_AS_NUMBER })
  consumedQuantity!: number;

  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
