import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { FulfillmentStatus } from './fulfillment-state-machine';

/** The work one location does for one order. `sourceEventId` is the event that created it. */
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

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
