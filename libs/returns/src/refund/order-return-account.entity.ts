import { Column, Entity, PrimaryColumn } from 'typeorm';
import { minorUnitsTransformer } from '../minor-units.transformer';

/**
 * Per order, what all its returns credited back. Its row is locked by every return of the order
 * that authorises or settles money, so concurrent returns of one order are decided one after the
 * other; `credited_minor <= paid_minor` is a database constraint.
 */
@Entity({ name: 'order_return_accounts' })
export class OrderReturnAccountEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ name: 'order_id', type: 'uuid' })
  orderId!: string;

  @Column({ type: 'text' })
  currency!: string;

  @Column({ name: 'paid_minor', type: 'bigint', transformer: minorUnitsTransformer })
  paidMinor!: number;

  @Column({ name: 'credited_minor', type: 'bigint', transformer: minorUnitsTransformer })
  creditedMinor!: number;

  @Column({ name: 'shipping_refunded_minor', type: 'bigint', transformer: minorUnitsTransformer })
  shippingRefundedMinor!: number;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
