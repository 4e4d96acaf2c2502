import { Column, Entity, PrimaryColumn } from 'typeorm';
import { minorUnitsTransformer } from './minor-units.transformer';
import type { OrderLineStatus } from './order-state-machine';

/**
 * One line of an order with its delivery and where its quantity stands: cancelled, shipped (or
 * ready, for a pickup), delivered or collected, returned, and backordered. Where it is allocated
 * lives in its allocations; `locationId` is the first of them, for callers that know one location.
 */
@Entity({ name: 'order_lines' })
export class OrderLineEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @Column({ name: 'order_id', type: 'uuid' })
  orderId!: string;

  @Column({ name: 'line_no', type: 'integer' })
  lineNo!: number;

  @Column({ type: 'text' })
  sku!: string;

  @Column({ type: 'integer' })
  quantity!: number;

  @Column({ name: 'unit_price_minor', type: 'bigint', transformer: minorUnitsTransformer })
  unitPriceMinor!: number;

  @Column({ name: 'tax_minor', type: 'bigint', transformer: minorUnitsTransformer })
  taxMinor!: number;

  @Column({ name: 'discount_minor', type: 'bigint', transformer: minorUnitsTransformer })
  discountMinor!: number;

  @Column({ name: 'delivery_method', type: 'text' })
  deliveryMethod!: string;

  @Column({ name: 'destination_location_id', type: 'text', nullable: true })
  destinationLocationId!: string | null;

  @Column({ name: 'unit_weight_grams', type: 'integer' })
  unitWeightGrams!: number;

  @Column({ name: 'location_id', type: 'text', nullable: true })
  locationId!: string | null;

  @Column({ name: 'reservation_id', type: 'text', nullable: true })
  reservationId!: string | null;

  @Column({ type: 'text' })
  status!: OrderLineStatus;

  @Column({ name: 'cancelled_quantity', type: 'integer' })
  cancelledQuantity!: number;

  @Column({ name: 'shipped_quantity', type: 'integer' })
  shippedQuantity!: number;

  @Column({ name: 'ready_quantity', type: 'integer' })
  readyQuantity!: number;

  @Column({ name: 'delivered_quantity', type: 'integer' })
  deliveredQuantity!: number;

  @Column({ name: 'returned_quantity', type: 'integer' })
  returnedQuantity!: number;

  @Column({ name: 'backordered_quantity', type: 'integer' })
  backorderedQuantity!: number;

  @Column({ name: 'expected_date', type: 'date', nullable: true })
  expectedDate!: string | null;
}
