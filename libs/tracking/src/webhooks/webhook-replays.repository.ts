import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { requireTenant } from '@baton/platform';
import { updateReturning } from '../persistence/returning-rows';

export interface ReplayRow {
  id: string;
  tenantId: string;
  subscriptionId: string;
  from: Date;
  to: Date;
  status: 'pending' | 'completed' | 'failed';
  eventsEnqueued: number;
  attempts: number;
  error: string | null;
  createdAt: Date;
  completedAt: Date | null;
}

interface Row {
  id: string;
  tenant_id: string;
  subscription_id: string;
  from_time: Date;
  to_time: Date;
  status: ReplayRow['status'];
  events_enqueued: number;
  attempts: number;
  error: string | null;
  created_at: Date;
  completed_at: Date | null;
}

const COLUMNS = 'id, tenant_id, subscription_id, from_time, to_time, status, events_enqueued, attempts, error, created_at, completed_at';

function toReplay(row: Row): ReplayRow {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    subscriptionId: row.subscription_id,
    from: row.from_time,
    to: row.to_time,
    status: row.status,
    eventsEnqueued: row.events_enqueued,
    attempts: row.attempts,
    error: row.error,
    createdAt: row.created_at,
    completedAt: row.completed_at,
  };
}

/** Replay requests: a durable job each, leased by one replay worker at a time. */
@Injectable()
export class WebhookReplaysRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(id: string, subscriptionId: string, from: Date, to: Date): Promise<ReplayRow> {
    const rows = await this.dataSource.query<Row[]>(
      `INSERT INTO webhook_replays (id, tenant_id, subscription_id, from_time, to_time, status)
       VALUES ($1, $2, $3, $4, $5, 'pending') RETURNING ${COLUMNS}`,
      [id, requireTenant(), subscriptionId, from.toISOString(), to.toISOString()],
    );
    return toReplay(rows[0]);
  }

  async findOne(subscriptionId: string, replayId: string): Promise<ReplayRow | null> {
    const rows = await this.dataSource.query<Row[]>(
      `SELECT ${COLUMNS} FROM webhook_replays WHERE tenant_id = $1 AND subscription_id = $2 AND id = $3`,
      [requireTenant(), subscriptionId, replayId],
    );
    return rows[0] ? toReplay(rows[0]) : null;
  }

  /** Leases the oldest pending replay (any tenant: the worker is a system job). */
  async claimPending(leaseMs: number): Promise<ReplayRow | null> {
    const rows = await updateReturning<Row>(
      this.dataSource,
      `UPDATE webhook_replays SET attempts = attempts + 1, lease_until = now() + make_interval(secs => $1::double precision / 1000)
        WHERE id = (SELECT id FROM webhook_replays
                     WHERE status = 'pending' AND (lease_until IS NULL OR lease_until < now())
                     ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING ${COLUMNS}`,
      [leaseMs],
    );
    return rows[0] ? toReplay(rows[0]) : null;
  }

  /** Marks a replay done with the number of deliveries it queued (counted, so a resumed replay counts once). */
  async complete(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE webhook_replays SET status = 'completed', completed_at = now(), lease_until = NULL, error = NULL,
              events_enqueued = (SELECT count(*) FROM webhook_deliveries WHERE replay_id = $1)
        WHERE id = $1`,
      [id],
    );
  }

  /** Records a failed run: due again at `retryAt`, or failed for good when that is null. */
  async fail(id: string, error: string, retryAt: Date | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE webhook_replays SET status = CASE WHEN $3::timestamptz IS NULL THEN 'failed' ELSE 'pending' END,
              lease_until = $3::timestamptz, error = $2,
              completed_at = CASE WHEN $3::timestamptz IS NULL THEN now() ELSE NULL END,
              events_enqueued = (SELECT count(*) FROM webhook_deliveries WHERE replay_id = $1)
        WHERE id = $1`,
      [id, error.slice(0, 2000), retryAt?.toISOString() ?? null],
    );
  }
}
