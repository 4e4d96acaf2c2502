import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One order line (or the part of it) a fulfilment order covers. */
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
}
