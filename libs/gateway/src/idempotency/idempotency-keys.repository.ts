import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { requireTenant } from '@baton/platform';
import { IdempotencyKeyEntity } from './idempotency-key.entity';

/** The outcome of trying to claim a key for a request. */
export type Claim =
  | { outcome: 'claimed'; token: string }
  | { outcome: 'replay'; status: number; contentType: string; body: string }
  | { outcome: 'mismatch' }
  | { outcome: 'in_flight' };

export interface StoredResponse {
  status: number;
  contentType: string;
  body: string;
}

/**
 * The only place with queries on idempotency keys; scoped to the tenant of the request (TypeORM
 * answers a raw UPDATE/DELETE with [rows, count]). Claiming
 * is one atomic insert: of several concurrent requests with one key exactly one claims it.
 */
@Injectable()
export class IdempotencyKeysRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Claims `key` for a request with `fingerprint`, or says why not. An expired key, or an in-flight
   * claim older than `staleBefore` (its request died with its gateway), is taken over.
   */
  async claim(key: string, fingerprint: string, ttlHours: number, staleBefore: Date): Promise<Claim> {
    const tenantId = requireTenant();
    for (let attempt = 0; attempt < 3; attempt++) {
      const token = randomUUID();
      const inserted: unknown[] = await this.dataSource.query(
        `INSERT INTO idempotency_keys (tenant_id, key, fingerprint, state, claim_token, locked_at, created_at, expires_at)
         VALUES ($1, $2, $3, 'in_flight', $5, now(), now(), now() + make_interval(hours => $4))
         ON CONFLICT (tenant_id, key) DO NOTHING
         RETURNING 1`,
        [tenantId, key, fingerprint, ttlHours, token],
      );
      if (inserted.length === 1) return { outcome: 'claimed', token };
      const [taken]: [unknown[], number] = await this.dataSource.query(
        `UPDATE idempotency_keys
            SET fingerprint = $3, state = 'in_flight', claim_token = $6, locked_at = now(), created_at = now(),
                expires_at = now() + make_interval(hours => $4),
                response_status = NULL, response_type = NULL, response_body = NULL
          WHERE tenant_id = $1 AND key = $2
            AND (expires_at <= now() OR (state = 'in_flight' AND locked_at < $5 AND fingerprint = $3))
          RETURNING 1`,
        [tenantId, key, fingerprint, ttlHours, staleBefore, token],
      );
      if (taken.length === 1) return { outcome: 'claimed', token };
      const row = await this.dataSource.getRepository(IdempotencyKeyEntity).findOneBy({ tenantId, key });
      if (!row) continue;
      if (row.fingerprint !== fingerprint) return { outcome: 'mismatch' };
      if (row.state === 'in_flight') return { outcome: 'in_flight' };
      return {
        outcome: 'replay',
        status: row.responseStatus ?? 500,
        contentType: row.responseType ?? 'application/json',
        body: row.responseBody ?? '',
      };
    }
    return { outcome: 'in_flight' };
  }

  /** Stores the response of the request holding the claim `token` (a claim taken over meanwhile is left alone). */
  async complete(key: string, token: string, response: StoredResponse): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_keys SET state = 'completed', response_status = $4, response_type = $5, response_body = $6
        WHERE tenant_id = $1 AND key = $2 AND state = 'in_flight' AND claim_token = $3`,
      [requireTenant(), key, token, response.status, response.contentType, response.body],
    );
  }

  /** Gives a key back (the request did not run to an outcome worth replaying), so it can be retried. */
  async release(key: string, token: string): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM idempotency_keys WHERE tenant_id = $1 AND key = $2 AND state = 'in_flight' AND claim_token = $3`,
      [requireTenant(), key, token],
    );
  }

  /** Deletes expired keys of every tenant (housekeeping, not tenant-scoped); returns how many. */
  async purgeExpired(): Promise<number> {
    const [, deleted]: [unknown[], number] = await this.dataSource.query(`DELETE FROM idempotency_keys WHERE expires_at <= now()`);
    return deleted;
  }
}
