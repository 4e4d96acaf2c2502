import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AddressData } from '@baton/domain';
import type { FulfillmentStatus, LegType } from './fulfillment-state-machine';

/**
 * The work one location does for one order and one delivery leg. `sourceEventId` is the event that
 * created it and `legKey` names the leg within it, so the same event cannot create a leg twice.
 */
@Entity({ name: 'fulfillment_orders' })
export class FulfillmentOrderEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @Column({ name: 'order_id', type: 'text' })
  orderId!: string;

  @Column({ name: 'location_id', type: 'text' })
  locationId!: string;

  @Column({ name: 'delivery_method', type: 'text' })
  deliveryMethod!: string;

  @Column({ type: 'text' })
  status!: FulfillmentStatus;

  @Column({ name: 'source_event_id', type: 'uuid' })
  sourceEventId!: string;

  @Column({ name: 'leg_type', type: 'text' })
  legType!: LegType;

  @Column({ name: 'leg_key', type: 'text' })
  legKey!: string;

  @Column({ name: 'destination_location_id', type: 'text', nullable: true })
  destinationLocationId!: string | null;

  @Column({ name: 'depends_on_id', type: 'uuid', nullable: true })
  dependsOnId!: string | null;

  /** 1 (most urgent) … 9. */
  @Column({ type: 'integer' })
  priority!: number;

  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt!: Date | null;

  @Column({ name: 'window_start', type: 'timestamptz', nullable: true })
  windowStart!: Date | null;

  @Column({ name: 'window_end', type: 'timestamptz', nullable: true })
  windowEnd!: Date | null;

  @Column({ name: 'promised_by', type: 'timestamptz', nullable: true })
  promisedBy!: Date | null;

  @Column({ name: 'ship_to', type: 'jsonb', nullable: true })
  shipTo!: AddressData | null;

  @Column({ type: 'text' })
  currency!: string;

  @Column({ name: 'carrier_strategy', type: 'text', nullable: true })
  carrierStrategy!: string | null;

  @Column({ name: 'reject_reason', type: 'text', nullable: true })
  rejectReason!: string | null;

  /** The location's day the acceptance counted against (for its capacity). */
  @Column({ name: 'accepted_day', type: 'date', nullable: true })
  acceptedDay!: string | null;

  @Column({ name: 'late_at', type: 'timestamptz', nullable: true })
  lateAt!: Date | null;

  @Column({ name: 'pickup_code_hash', type: 'text', nullable: true })
  pickupCodeHash!: string | null;

  @Column({ name: 'pickup_expires_at', type: 'timestamptz', nullable: true })
  pickupExpiresAt!: Date | null;

  @Column({ name: 'arrived_at', type: 'timestamptz', nullable: true })
  arrivedAt!: Date | null;

  @Column({ name: 'arrival_note', type: 'text', nullable: true })
  arrivalNote!: string | null;

  @Column({ name: 'pick_list_id', type: 'uuid', nullable: true })
  pickListId!: string | null;

  /** When the work became workable (created, or activated for a pending leg); the pick/pack timer starts here. */
  @Column({ name: 'available_at', type: 'timestamptz', nullable: true })
  availableAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
