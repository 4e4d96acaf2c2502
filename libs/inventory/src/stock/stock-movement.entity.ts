import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { BIGINT_AS_NUMBER } from '../bigint-column';
import type { MovementType } from './movement-types';

/**
 * One immutable entry of the stock ledger (a trigger refuses UPDATE and DELETE). Unique by
 * (tenant, type, reference, sku, location): booking the same reference twice books it once.
 */
@Entity({ name: 'stock_movements' })
export class StockMovementEntity {
  /** The movement's public id. */
  @Column({ type: 'uuid' })
  id!: string;

  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  /** Ledger order (an identity column) and, with the tenant, the key: pages follow it. */
  @PrimaryColumn({ type: 'bigint', insert: false, update: false, transformer: BIGINT_AS_NUMBER })
  seq!: number;

  @Column({ type: 'text' })
  sku!: string;

  @Column({ name: 'location_id', type: 'uuid' })
  locationId!: string;

  @Column({ type: 'text' })
  type!: MovementType;

  @Column({ name: 'on_hand_delta', type: 'bigint', transformer: BIGINT_AS_NUMBER })
  onHandDelta!: number;

  @Column({ name: 'reserved_delta', type: 'bigint', transformer: BIGINT_AS_NUMBER })
  reservedDelta!: number;

  @Column({ type: 'text' })
  reference!: string;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'text', nullable: true })
  principal!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
