import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AddressData } from '@baton/domain';
import { minorUnitsTransformer } from './minor-units.transformer';
import type { OrderStatus } from './order-state-machine';

export interface CustomerData {
  id?: string;
  name?: string;
  phone?: string;
}

export interface PaymentData {
  reference: string;
  authorisedMinor: number;
  method?: string;
}

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

  @Column({ type: 'jsonb' })
  customer!: CustomerData;

  @Column({ type: 'text' })
  currency!: string;

  /** The order's method, or `mixed` when its lines travel in several ways. */
  @Column({ name: 'delivery_method', type: 'text' })
  deliveryMethod!: string;

  @Column({ name: 'ship_to', type: 'jsonb', nullable: true })
  shipTo!: AddressData | null;

  @Column({ name: 'billing_address', type: 'jsonb', nullable: true })
  billingAddress!: AddressData | null;

  @Column({ name: 'destination_location_id', type: 'text', nullable: true })
  destinationLocationId!: string | null;

  @Column({ name: 'requested_from', type: 'timestamptz', nullable: true })
  requestedFrom!: Date | null;

  @Column({ name: 'requested_to', type: 'timestamptz', nullable: true })
  requestedTo!: Date | null;

  @Column({ type: 'smallint' })
  priority!: number;

  @Column({ name: 'sourcing_preference', type: 'text', nullable: true })
  sourcingPreference!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  payment!: PaymentData | null;

  @Column({ type: 'jsonb' })
  attributes!: Record<string, string>;

  @Column({ name: 'fraud_score', type: 'smallint', nullable: true })
  fraudScore!: number | null;

  @Column({ type: 'text', nullable: true })
  principal!: string | null;

  @Column({ type: 'text' })
  status!: OrderStatus;

  @Column({ name: 'subtotal_minor', type: 'bigint', transformer: minorUnitsTransformer })
  subtotalMinor!: number;

  @Column({ name: 'tax_minor', type: 'bigint', transformer: minorUnitsTransformer })
  taxMinor!: number;

  @Column({ name: 'discount_minor', type: 'bigint', transformer: minorUnitsTransformer })
  discountMinor!: number;

  @Column({ name: 'total_minor', type: 'bigint', transformer: minorUnitsTransformer })
  totalMinor!: number;

  @Column({ name: 'refunded_minor', type: 'bigint', transformer: minorUnitsTransformer })
  refundedMinor!: number;

  @Column({ name: 'promised_date', type: 'date', nullable: true })
  promisedDate!: string | null;

  /** Whether `orders.order.placed.v1` has been written (an order held at capture is announced at release). */
  @Column({ type: 'boolean' })
  announced!: boolean;

  @Column({ name: 'sourcing_attempts', type: 'integer' })
  sourcingAttempts!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
