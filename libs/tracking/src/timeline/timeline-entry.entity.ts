import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One step on an order's timeline, projected from one event. `eventId` is unique: the same event
 * projected again (a redelivery, a rebuild) changes nothing.
 */
@Entity({ name: 'timeline_entries' })
export class TimelineEntryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @Column({ name: 'order_id', type: 'text' })
  orderId!: string;

  @Column({ name: 'event_id', type: 'uuid', unique: true })
  eventId!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'text' })
  service!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ type: 'text' })
  summary!: string;

  @Column({ name: 'location_id', type: 'text', nullable: true })
  locationId!: string | null;

  @Column({ name: 'correlation_id', type: 'text' })
  correlationId!: string;

  @Column({ type: 'jsonb' })
  data!: Record<string, unknown>;
}
