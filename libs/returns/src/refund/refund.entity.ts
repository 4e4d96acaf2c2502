import { Column, Entity, PrimaryColumn } from 'typeorm';
import { minorUnitsTransformer } from '../minor-units.transformer';
import type { RefundBreakdown } from '../return/return-records';

export type RefundStatus = 'requested' | 'confirmed' | 'failed' | 'not_requested';

/** The money side of a completed return: what was asked of the payment side and its answer. */
@Entity({ name: 'refunds' })
export class RefundEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @Column({ name: 'return_id', type: 'uuid' })
  returnId!: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId!: string;

  @Column({ type: 'text' })
  status!: RefundStatus;

  @Column({ name: 'amount_minor', type: 'bigint', transformer: minorUnitsTransformer })
  amountMinor!: number;

  @Column({ type: 'text' })
  currency!: string;

  @Column({ type: 'jsonb' })
  breakdown!: RefundBreakdown;

  @Column({ name: 'payment_reference', type: 'text', nullable: true })
  paymentReference!: string | null;

  @Column({ type: 'text', nullable: true })
  message!: string | null;

  @Column({ name: 'requested_at', type: 'timestamptz' })
  requestedAt!: Date;

  @Column({ name: 'settled_at', type: 'timestamptz', nullable: true })
  settledAt!: Date | null;
}
