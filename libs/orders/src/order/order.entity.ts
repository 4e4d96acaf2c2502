import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AddressData } from '@baton/domain';
import { minorUnitsTransformer } from './minor-units.transformer';
import type { OrderStatus } from './order-state-machine';

/** An order as the orders database keeps it; never leaves the service (see `toOrderContract`). */
@Entity({ name: 'orders' })
export class OrderEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @Column({ type: 'text' })
  channel!: string;

  @Column({ name: 'channel_order_id', type: 'text' })
  channelOrderId!: string;

  @Column({ name: 'customer_email', type: 'text' })
  customerEmail!: string;

  @Column({ type: 'text' })
  currency!: string;

  @Column({ name: 'delivery_method', type: 'text' })
  deliveryMethod!: string;

  @Column({ name: 'ship_to', type: 'jsonb' })
  shipTo!: AddressData;

  @Column({ type: 'text' })
  status!: OrderStatus;

  @Column({ name: 'total_minor', type: 'bigint', transformer: minorUnitsTransformer })
  totalMinor!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
