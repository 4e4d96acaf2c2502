import { Column, Entity, PrimaryColumn } from 'typeorm';

export const HOLD_CODES = ['MANUAL', 'VALUE_LIMIT', 'FRAUD_SCORE', 'ADDRESS_MISMATCH'] as const;
export type HoldCode = (typeof HOLD_CODES)[number];

/** A hold on an order: manual (with a person's reason) or by a rule; open until released. */
@Entity({ name: 'order_holds' })
export class OrderHoldEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId!: string;

  @Column({ type: 'text' })
  kind!: 'manual' | 'rule';

  @Column({ type: 'text' })
  code!: HoldCode;

  @Column({ type: 'text' })
  reason!: string;

  /** The order's status when it was held, which the release returns it to. */
  @Column({ name: 'previous_status', type: 'text' })
  previousStatus!: string;

  @Column({ name: 'placed_by', type: 'text', nullable: true })
  placedBy!: string | null;

  @Column({ name: 'placed_at', type: 'timestamptz' })
  placedAt!: Date;

  @Column({ name: 'released_by', type: 'text', nullable: true })
  releasedBy!: string | null;

  @Column({ name: 'released_at', type: 'timestamptz', nullable: true })
  releasedAt!: Date | null;

  @Column({ name: 'release_note', type: 'text', nullable: true })
  releaseNote!: string | null;
}
