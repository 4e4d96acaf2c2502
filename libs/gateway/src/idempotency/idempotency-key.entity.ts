import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One idempotency key of a tenant: the fingerprint of the first request that used it and, once it
 * finished, its response (status, content type and the exact body text), replayed to retries.
 */
@Entity({ name: 'idempotency_keys' })
export class IdempotencyKeyEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ type: 'text' })
  key!: string;

  @Column({ type: 'text' })
  fingerprint!: string;

  @Column({ type: 'text' })
  state!: 'in_flight' | 'completed';

  /** Which request holds the key: only it may store the response or give the key back. */
  @Column({ name: 'claim_token', type: 'uuid' })
  claimToken!: string;

  @Column({ name: 'response_status', type: 'integer', nullable: true })
  responseStatus!: number | null;

  @Column({ name: 'response_type', type: 'text', nullable: true })
  responseType!: string | null;

  @Column({ name: 'response_body', type: 'text', nullable: true })
  responseBody!: string | null;

  @Column({ name: 'locked_at', type: 'timestamptz' })
  lockedAt!: Date;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;
}
