import { Column, Entity, PrimaryColumn } from 'typeorm';
import { BIGINT_AS_NUMBER } from '../bigint.transformer';

/** A label bought for one package: carrier, service, tracking number, price, and the label itself. */
@Entity({ name: 'shipments' })
export class ShipmentEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @Column({ name: 'fulfillment_id', type: 'uuid' })
  fulfillmentId!: string;

  @Column({ name: 'package_id', type: 'uuid' })
  packageId!: string;

  @Column({ name: 'carrier_id', type: 'text' })
  carrierId!: string;

  @Column({ name: 'service_code', type: 'text' })
  serviceCode!: string;

  @Column({ name: 'tracking_number', type: 'text' })
  trackingNumber!: string;

  /** label_created, then the carrier's latest scan code (in_transit … delivered). */
  @Column({ type: 'text' })
  status!: string;

  @Column({ name: 'price_minor', type: 'bigint', transformer: BIGINT_AS_NUMBER })
  priceMinor!: number;

  @Column({ type: 'text' })
  currency!: string;

  @Column({ name: 'insured_value_minor', type: 'bigint', transformer: BIGINT_AS_NUMBER })
  insuredValueMinor!: number;

  @Column({ name: 'estimated_delivery_at', type: 'timestamptz' })
  estimatedDeliveryAt!: Date;

  @Column({ name: 'label_pdf', type: 'bytea', select: false })
  labelPdf!: Buffer;

  @Column({ name: 'label_zpl', type: 'text', select: false })
  labelZpl!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
