import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One step of an order's (or one line's) history: which status it left and entered, why, who
 * asked and in which request — kept forever, never updated.
 */
@Entity({ name: 'order_status_history' })
export class OrderStatusChangeEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId!: string;

  @Column({ name: 'line_id', type: 'uuid', nullable: true })
  lineId!: string | null;

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

  /** The event that caused the change, when one did (a rejection, a shipment, an expiry). */
  @Column({ name: 'cause_event_id', type: 'text', nullable: true })
  causeEventId!: string | null;

  @Column({ name: 'cause_event_type', type: 'text', nullable: true })
  causeEventType!: string | null;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;
}
