import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One step of a return's history: which status it left and entered, why, who asked and in which
 * request — kept forever, never updated. Partial receipts that do not change the status are
 * recorded too (from = to = received), so the history shows every receipt.
 */
@Entity({ name: 'return_status_history' })
export class ReturnStatusChangeEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @Column({ name: 'return_id', type: 'uuid' })
  returnId!: string;

  @Column({ name: 'from_status', type: 'text', nullable: true })
  fromStatus!: string | null;

  @Column({ name: 'to_status', type: 'text' })
  toStatus!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ type: 'text', nullable: true })
  principal!: string | null;

  @Column({ name: 'correlation_id', type: 'text' })
  correlationId!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;
}
