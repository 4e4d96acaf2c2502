import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ReturnStatus } from './return-state-machine';
import type { ExchangeRecord, LabelRecord } from './return-records';
import type { RefundMode, ReturnCreator, ReturnMethod } from './return-vocabulary';

/** A return (RMA) as the returns database keeps it; never leaves the service (see `toReturnContract`). */
@Entity({ name: 'returns' })
export class ReturnEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @Column({ name: 'rma_number', type: 'text' })
  rmaNumber!: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId!: string;

  @Column({ type: 'text', nullable: true })
  reference!: string | null;

  @Column({ type: 'text' })
  status!: ReturnStatus;

  @Column({ type: 'text' })
  method!: ReturnMethod;

  @Column({ name: 'location_id', type: 'uuid', nullable: true })
  locationId!: string | null;

  @Column({ name: 'received_location_id', type: 'uuid', nullable: true })
  receivedLocationId!: string | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: ReturnCreator;

  @Column({ type: 'text' })
  currency!: string;

  @Column({ name: 'customer_email', type: 'text' })
  customerEmail!: string;

  @Column({ name: 'refund_mode', type: 'text' })
  refundMode!: RefundMode;

  @Column({ name: 'no_refund_reason', type: 'text', nullable: true })
  noRefundReason!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  label!: LabelRecord | null;

  @Column({ type: 'jsonb', nullable: true })
  exchange!: ExchangeRecord | null;

  @Column({ type: 'text', nullable: true })
  carrier!: string | null;

  @Column({ name: 'tracking_number', type: 'text', nullable: true })
  trackingNumber!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
