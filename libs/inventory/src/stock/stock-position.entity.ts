import { Column, Entity, PrimaryColumn } from 'typeorm';
import { BIGINT_AS_NUMBER } from '../bigint-column';

/**
 * One item at one location. Kept equal to the sum of its movements; the database refuses a
 * negative quantity or more reserved than on hand (CHECK constraints), so no code path can
 * oversell even by mistake.
 */
@Entity({ name: 'stock_positions' })
export class StockPositionEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ type: 'text' })
  sku!: string;

  @PrimaryColumn({ name: 'location_id', type: 'uuid' })
  locationId!: string;

  @Column({ name: 'on_hand', type: 'bigint', transformer: BIGINT_AS_NUMBER })
  onHand!: number;

  @Column({ type: 'bigint', transformer: BIGINT_AS_NUMBER })
  reserved!: number;

  /** The safety stock in force: the item's rule for this location type, unless overridden here. */
  @Column({ name: 'safety_stock', type: 'bigint', transformer: BIGINT_AS_NUMBER })
  safetyStock!: number;

  /** True when `safetyStock` was set for this position and no longer follows the item's rules. */
  @Column({ name: 'safety_stock_override', type: 'boolean' })
  safetyStockOverride!: boolean;

  @Column({ type: 'bigint', transformer: BIGINT_AS_NUMBER })
  version!: number;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
