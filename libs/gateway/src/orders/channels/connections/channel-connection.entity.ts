import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A channel that pushes orders to Baton with its own authentication (a Shopify shop's webhooks,
 * signed with a shared secret). The secret is stored as given, because checking a signature
 * needs it; it is never returned by the API.
 */
@Entity({ name: 'channel_connections' })
export class ChannelConnectionEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @Column({ type: 'text' })
  type!: 'shopify';

  /** The Baton channel its orders get (with the channel order id, the idempotency key of an order). */
  @Column({ type: 'text' })
  channel!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'shared_secret', type: 'text' })
  sharedSecret!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
