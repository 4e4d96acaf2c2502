import { Column, Entity, PrimaryColumn } from 'typeorm';
import { BIGINT_AS_NUMBER } from '../bigint-column';

/** One SKU expected at one destination by an ETA; received units are booked as receipts (or transfers in). */
@Entity({ name: 'inbound_lines' })
export class InboundLineEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ name: 'supply_id', type: 'uuid' })
  supplyId!: string;

  @PrimaryColumn({ name: 'line_id', type: 'text' })
  lineId!: string;

  @Column({ type: 'text' })
  sku!: string;

  @Column({ name: 'location_id', type: 'uuid' })
  locationId!: string;

  @Column({ name: 'expected_quantity', type: 'bigint', transformer: BIGINT_AS_NUMBER })
  expectedQuantity!: number;

  @Column({ name: 'received_quantity', type: 'bigint', transformer: BIGINT_AS_NUMBER })
  receivedQuantity!: number;

  @Column({ type: 'timestamptz' })
  eta!: Date;

  /** Still counted as inbound: the supply is not closed and the line not received in full. */
  @Column({ type: 'boolean' })
  open!: boolean;
}
