import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A batch of fulfilment orders at one location picked together; its items are read from their lines. */
@Entity({ name: 'pick_lists' })
export class PickListEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @Column({ name: 'location_id', type: 'text' })
  locationId!: string;

  @Column({ name: 'fulfillment_ids', type: 'uuid', array: true })
  fulfillmentIds!: string[];

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
