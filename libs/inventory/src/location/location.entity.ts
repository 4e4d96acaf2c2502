import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { BIGINT_AS_NUMBER } from '../bigint-column';

export interface AddressValue {
  line1: string;
  line2: string;
  city: string;
  postalCode: string;
  region: string;
  country: string;
}

export interface OpeningHoursValue {
  day: string;
  opens: string;
  closes: string;
}

/**
 * A place stock can be. Its code is the tenant's own name for it and is unique per tenant. A
 * location is deactivated, never deleted once it has stock or history.
 */
@Entity({ name: 'locations' })
export class LocationEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'double precision' })
  latitude!: number;

  @Column({ type: 'double precision' })
  longitude!: number;

  @Column({ type: 'text', array: true })
  capabilities!: string[];

  @Column({ type: 'boolean' })
  active!: boolean;

  @Column({ type: 'jsonb', nullable: true })
  address!: AddressValue | null;

  @Column({ name: 'time_zone', type: 'text' })
  timeZone!: string;

  @Column({ name: 'opening_hours', type: 'jsonb' })
  openingHours!: OpeningHoursValue[];

  @Column({ name: 'daily_capacity', type: 'integer', nullable: true })
  dailyCapacity!: number | null;

  @Column({ name: 'handling_cost_minor', type: 'bigint', transformer: BIGINT_AS_NUMBER })
  handlingCostMinor!: number;

  @Column({ name: 'partner_id', type: 'text', nullable: true })
  partnerId!: string | null;

  @Column({ type: 'text', array: true })
  groups!: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
