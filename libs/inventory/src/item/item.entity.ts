import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { BIGINT_AS_NUMBER } from '../bigint-column';

/** A SKU of one tenant; the SKU is the tenant's own identifier and the key together with it. */
@Entity({ name: 'items' })
export class ItemEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ type: 'text' })
  sku!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'product_group', type: 'text' })
  productGroup!: string;

  @Column({ name: 'unit_value_minor', type: 'bigint', transformer: BIGINT_AS_NUMBER })
  unitValueMinor!: number;

  @Column({ name: 'weight_grams', type: 'integer' })
  weightGrams!: number;

  @Column({ name: 'length_mm', type: 'integer', nullable: true })
  lengthMm!: number | null;

  @Column({ name: 'width_mm', type: 'integer', nullable: true })
  widthMm!: number | null;

  @Column({ name: 'height_mm', type: 'integer', nullable: true })
  heightMm!: number | null;

  /** Safety stock at every location unless a location-type rule or a position override applies. */
  @Column({ name: 'safety_stock', type: 'bigint', transformer: BIGINT_AS_NUMBER })
  safetyStock!: number;

  /** Location type → safety stock at locations of that type. */
  @Column({ name: 'safety_stock_by_location_type', type: 'jsonb' })
  safetyStockByLocationType!: Record<string, number>;

  @Column({ name: 'low_stock_threshold', type: 'bigint', nullable: true, transformer: BIGINT_AS_NUMBER })
  lowStockThreshold!: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
