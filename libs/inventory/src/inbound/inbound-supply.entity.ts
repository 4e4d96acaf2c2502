import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

export const INBOUND_KINDS = ['purchase_order', 'asn', 'transfer'] as const;
export type InboundKind = (typeof INBOUND_KINDS)[number];
export const INBOUND_STATUSES = ['open', 'partially_received', 'received', 'closed'] as const;
export type InboundStatus = (typeof INBOUND_STATUSES)[number];

/**
 * Stock on its way: a purchase order, an advance shipping notice or a transfer in transit. Its
 * reference (PO / ASN / transfer number) is unique per kind and tenant, which makes creating it
 * idempotent. Closed supplies no longer count as inbound.
 */
@Entity({ name: 'inbound_supplies' })
export class InboundSupplyEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @Column({ type: 'text' })
  kind!: InboundKind;

  @Column({ type: 'text' })
  reference!: string;

  @Column({ type: 'text' })
  supplier!: string;

  @Column({ name: 'source_location_id', type: 'uuid', nullable: true })
  sourceLocationId!: string | null;

  @Column({ type: 'text' })
  status!: InboundStatus;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
