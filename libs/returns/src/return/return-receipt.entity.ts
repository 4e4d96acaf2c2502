import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One receipt of a return at a location; its id makes a repeated scan record nothing new. */
@Entity({ name: 'return_receipts' })
export class ReturnReceiptEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ name: 'return_id', type: 'uuid' })
  returnId!: string;

  @PrimaryColumn({ name: 'receipt_id', type: 'text' })
  receiptId!: string;

  @Column({ name: 'location_id', type: 'uuid' })
  locationId!: string;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;
}
