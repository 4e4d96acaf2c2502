import { Column, Entity, PrimaryColumn } from 'typeorm';
import { minorUnitsTransformer } from './minor-units.transformer';
import type { OrderLineStatus } from './order-state-machine';

/** One line of an order, with the location sourced for it and the reservation held there. */
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

  @Column({ name: 'location_id', type: 'text' })
  locationId!: string;

  @Column({ name: 'reservation_id', type: 'text', nullable: true })
  reservationId!: string | null;

  @Column({ type: 'text' })
  status!: OrderLineStatus;
}
