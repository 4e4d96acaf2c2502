import { Column, Entity, PrimaryColumn } from 'typeorm';
import { BIGINT_AS_NUMBER } from '../bigint.transformer';

/** One package a fulfilment was packed into: its measures, contents and the value inside (for insurance). */
@Entity({ name: 'fulfillment_packages' })
export class FulfillmentPackageEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @Column({ name: 'fulfillment_id', type: 'uuid' })
  fulfillmentId!: string;

  @Column({ name: 'package_no', type: 'integer' })
  packageNo!: number;

  @Column({ name: 'weight_grams', type: 'integer' })
  weightGrams!: number;

  @Column({ name: 'length_mm', type: 'integer' })
  lengthMm!: number;

  @Column({ name: 'width_mm', type: 'integer' })
  widthMm!: number;

  @Column({ name: 'height_mm', type: 'integer' })
  heightMm!: number;

  @Column({ type: 'jsonb' })
  lines!: Array<{ lineId: string; quantity: number }>;

  @Column({ name: 'value_minor', type: 'bigint', transformer: BIGINT_AS_NUMBER })
  valueMinor!: number;
}
