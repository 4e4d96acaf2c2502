import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A location owned by a partner. The key (tenant, location) makes a location belong to at most
 * one partner, so two partners never both see the same location's objects.
 */
@Entity({ name: 'partner_locations' })
export class PartnerLocationEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ name: 'location_id', type: 'uuid' })
  locationId!: string;

  @Column({ name: 'partner_id', type: 'text' })
  partnerId!: string;
}
