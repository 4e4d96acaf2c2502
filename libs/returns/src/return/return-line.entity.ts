import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One authorised order line of a return: how many units may come back, why, and how many did. */
@Entity({ name: 'return_lines' })
export class ReturnLineEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @Column({ name: 'return_id', type: 'uuid' })
  returnId!: string;

  @Column({ name: 'order_line_id', type: 'text' })
  orderLineId!: string;

  @Column({ type: 'text' })
  sku!: string;

  @Column({ type: 'integer' })
  quantity!: number;

  @Column({ name: 'received_quantity', type: 'integer' })
  receivedQuantity!: number;

  @Column({ name: 'reason_code', type: 'text' })
  reasonCode!: string;

  @Column({ name: 'merchant_fault', type: 'boolean' })
  merchantFault!: boolean;

  @Column({ type: 'text' })
  note!: string;
}
