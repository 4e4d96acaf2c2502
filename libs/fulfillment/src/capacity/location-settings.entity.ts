import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AddressData } from '@baton/domain';

/**
 * What fulfillment knows about a location it works at: its daily capacity (null: unlimited), the
 * time zone its day runs in, and its address for rating (origin of shipments).
 */
@Entity({ name: 'fulfillment_locations' })
export class LocationSettingsEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ name: 'location_id', type: 'text' })
  locationId!: string;

  @Column({ name: 'daily_capacity', type: 'integer', nullable: true })
  dailyCapacity!: number | null;

  @Column({ name: 'time_zone', type: 'text' })
  timeZone!: string;

  @Column({ type: 'jsonb', nullable: true })
  address!: AddressData | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
