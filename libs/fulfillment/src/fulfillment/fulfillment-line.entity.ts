import { Column, Entity, PrimaryColumn } from 'typeorm';
import { BIGINT_AS_NUMBER } from '../bigint.transformer';

/**
 * One order line (or the part of it) a fulfilment order covers. Of `quantity`, `picked` were
 * picked, `short` were missing at the pick (given back), `cancelled` were withdrawn; of the
 * picked, `collected` were handed over at a pickup.
 */
@Entity({ name: 'fulfillment_lines' })
export class FulfillmentLineEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @Column({ name: 'fulfillment_id', type: 'uuid' })
  fulfillmentId!: string;

  @Column({ name: 'line_no', type: 'integer' })
  lineNo!: number;

  @Column({ name: 'order_line_id', type: 'text' })
  orderLineId!: string;

  @Column({ type: 'text' })
  sku!: string;

  @Column({ type: 'integer' })
  quantity!: number;

  @Column({ name: 'unit_price_minor', type: 'bigint', transformer: BIGINT_AS_NUMBER })
  unitPriceMinor!: number;

  @Column({ name: 'picked_quantity', type: 'integer' })
  pickedQuantity!: number;

  @Column({ name: 'short_quantity', type: 'integer' })
  shortQuantity!: number;

  @Column({ name: 'collected_quantity', type: 'integer' })
  collectedQuantity!: number;

  @Column({ name: 'cancelled_quantity', type: 'integer' })
  cancelledQuantity!: number;
}
