import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One event one consumer has handled. The primary key makes "handle this event" insertable once per
 * consumer, which is what turns at-least-once delivery into exactly-once effects.
 */
@Entity({ name: 'inbox_events' })
export class InboxEventEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'inbox_events_pkey' })
  consumer!: string;

  @PrimaryColumn({ name: 'event_id', type: 'uuid', primaryKeyConstraintName: 'inbox_events_pkey' })
  eventId!: string;

  @Column({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ name: 'handled_at', type: 'timestamptz', default: () => 'now()' })
  handledAt!: Date;
}
