import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A tenant's timers and pickup rules; a tenant without a row has the defaults. */
@Entity({ name: 'fulfillment_policies' })
export class FulfillmentPolicyEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @Column({ name: 'start_within_minutes', type: 'integer' })
  startWithinMinutes!: number;

  @Column({ name: 'on_late', type: 'text' })
  onLate!: string;

  @Column({ name: 'pickup_expiry_hours', type: 'integer' })
  pickupExpiryHours!: number;

  @Column({ name: 'on_pickup_expiry', type: 'text' })
  onPickupExpiry!: string;

  @Column({ name: 'pickup_prep_minutes', type: 'integer' })
  pickupPrepMinutes!: number;

  @Column({ name: 'default_carrier_strategy', type: 'text' })
  defaultCarrierStrategy!: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
