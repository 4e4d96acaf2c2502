import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Disposition, ReturnGrade } from './return-vocabulary';

/**
 * One physical unit of a return: received at a location, graded at inspection, then sent
 * somewhere. Units that were authorised but never arrived are recorded at the end of inspection
 * as `missing`, without a location; items that were not on the order are `unexpected`.
 */
@Entity({ name: 'return_units' })
export class ReturnUnitEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @Column({ name: 'return_id', type: 'uuid' })
  returnId!: string;

  @Column({ type: 'integer' })
  seq!: number;

  @Column({ name: 'order_line_id', type: 'text', nullable: true })
  orderLineId!: string | null;

  @Column({ type: 'text' })
  sku!: string;

  @Column({ type: 'boolean' })
  unexpected!: boolean;

  @Column({ type: 'boolean' })
  received!: boolean;

  @Column({ name: 'receipt_id', type: 'text', nullable: true })
  receiptId!: string | null;

  @Column({ name: 'location_id', type: 'uuid', nullable: true })
  locationId!: string | null;

  @Column({ type: 'text', nullable: true })
  grade!: ReturnGrade | null;

  @Column({ type: 'text', nullable: true })
  disposition!: Disposition | null;

  @Column({ name: 'target_location_id', type: 'uuid', nullable: true })
  targetLocationId!: string | null;

  @Column({ type: 'text' })
  note!: string;

  @Column({ name: 'received_at', type: 'timestamptz', nullable: true })
  receivedAt!: Date | null;

  @Column({ name: 'inspected_at', type: 'timestamptz', nullable: true })
  inspectedAt!: Date | null;

  @Column({ name: 'disposed_at', type: 'timestamptz', nullable: true })
  disposedAt!: Date | null;
}
