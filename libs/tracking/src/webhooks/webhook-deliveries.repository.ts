import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { EventEnvelope } from '@baton/domain';
import { requireTenant } from '@baton/platform';
import { updateReturning } from '../persistence/returning-rows';

export type DeliveryStatus = 'pending' | 'delivered' | 'parked';

/** A delivery a worker holds the lease of, with what it needs to send it. */
export interface ClaimedDelivery {
  id: string;
  tenantId: string;
  subscriptionId: string;
  eventId: string;
  eventType: string;
  replayId: string | null;
  payload: string;
  /** The number of this attempt (1 = first), counting every attempt ever made. */
  attempt: number;
  /** Attempts made before the last manual retry; the budget restarts there. */
  retryBase: number;
  url: string;
  secret: string;
}

export interface AttemptOutcome {
  startedAt: Date;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
  delivered: boolean;
  /** When to try again; null parks the delivery. */
  retryAt: Date | null;
}

export interface DeliveryRow {
  id: string;
  subscriptionId: string;
  eventId: string;
  eventType: string;
  replayId: string | null;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: Date;
  deliveredAt: Date | null;
  createdAt: Date;
}

export interface AttemptRow {
  deliveryId: string;
  attempt: number;
  startedAt: Date;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
}

export interface DeliveryCursor {
  createdAt: string;
  id: string;
}

const DELIVERY_COLUMNS = `id, subscription_id, event_id, event_type, replay_id, status, attempts, next_attempt_at, delivered_at, created_at`;

interface Row {
  id: string;
  subscription_id: string;
  event_id: string;
  event_type: string;
  replay_id: string | null;
  status: DeliveryStatus;
  attempts: number;
  next_attempt_at: Date;
  delivered_at: Date | null;
  created_at: Date;
}

function toDelivery(row: Row): DeliveryRow {
  return {
    id: row.id,
    subscriptionId: row.subscription_id,
    eventId: row.event_id,
    eventType: row.event_type,
    replayId: row.replay_id,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    deliveredAt: row.delivered_at,
    createdAt: row.created_at,
  };
}

/** Whether a subscription's event type patterns (`*`, `<service>.*`, exact types) take `type`. */
const MATCHES_TYPE = `($2 = ANY(s.event_types) OR '*' = ANY(s.event_types) OR split_part($2, '.', 1) || '.*' = ANY(s.event_types))`;

/**
 * The durable delivery queue: one row per (subscription, event[, replay]), polled by the delivery
 * workers with leases (FOR UPDATE SKIP LOCKED), so each attempt is made by one worker, and a worker
 * that dies mid-attempt only delays the delivery until its lease ends. Every attempt is logged.
 */
@Injectable()
export class WebhookDeliveriesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Queues a live event for every active subscription of its tenant that takes its type. */
  async enqueueForEvent(manager: EntityManager, envelope: EventEnvelope): Promise<void> {
    await manager.query(
      `INSERT INTO webhook_deliveries (id, tenant_id, subscription_id, event_id, event_type, payload, status, next_attempt_at)
       SELECT gen_random_uuid(), s.tenant_id, s.id, $3, $2, $4, 'pending', now()
         FROM webhook_subscriptions s
        WHERE s.tenant_id = $1 AND s.active AND ${MATCHES_TYPE}
       ON CONFLICT DO NOTHING`,
      [envelope.tenantId, envelope.type, envelope.id, JSON.stringify(envelope)],
    );
  }

  /** Queues replayed events for one subscription (those of types it takes); returns how many were new. */
  async enqueueReplay(manager: EntityManager, subscriptionId: string, replayId: string, envelopes: EventEnvelope[]): Promise<number> {
    if (envelopes.length === 0) return 0;
    const rows = await manager.query<Array<{ id: string }>>(
      `INSERT INTO webhook_deliveries
         (id, tenant_id, subscription_id, replay_id, event_id, event_type, payload, status, next_attempt_at)
       SELECT gen_random_uuid(), s.tenant_id, s.id, $2, e.event_id, e.event_type, e.payload, 'pending', now()
         FROM webhook_subscriptions s
         JOIN unnest($3::uuid[], $4::text[], $5::text[], $6::text[]) AS e(event_id, event_type, payload, tenant_id)
           ON e.tenant_id = s.tenant_id
        WHERE s.id = $1 AND s.active
          AND (e.event_type = ANY(s.event_types) OR '*' = ANY(s.event_types)
               OR split_part(e.event_type, '.', 1) || '.*' = ANY(s.event_types))
       ON CONFLICT DO NOTHING RETURNING id`,
      [
        subscriptionId,
        replayId,
        envelopes.map((e) => e.id),
        envelopes.map((e) => e.type),
        envelopes.map((e) => JSON.stringify(e)),
        envelopes.map((e) => e.tenantId),
      ],
    );
    return rows.length;
  }

  /** Leases up to `limit` due deliveries (every tenant: the worker is a system job). */
  async claimDue(limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    const rows = await updateReturning<{
      id: string;
      tenant_id: string;
      subscription_id: string;
      event_id: string;
      event_type: string;
      replay_id: string | null;
      payload: string;
      attempts: number;
      retry_base: number;
      url: string;
      secret: string;
    }>(
      this.dataSource,
      `UPDATE webhook_deliveries d
          SET attempts = d.attempts + 1, lease_until = now() + make_interval(secs => $2::double precision / 1000)
         FROM webhook_subscriptions s
        WHERE s.id = d.subscription_id
          AND d.id IN (SELECT id FROM webhook_deliveries
                        WHERE status = 'pending' AND next_attempt_at <= now() AND (lease_until IS NULL OR lease_until < now())
                        ORDER BY next_attempt_at, id LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING d.id, d.tenant_id, d.subscription_id, d.event_id, d.event_type, d.replay_id, d.payload, d.attempts,
                  d.retry_base, s.url, s.secret`,
      [limit, leaseMs],
    );
    return rows.map((row) => ({
      id: row.id,
      tenantId: row.tenant_id,
      subscriptionId: row.subscription_id,
      eventId: row.event_id,
      eventType: row.event_type,
      replayId: row.replay_id,
      payload: row.payload,
      attempt: row.attempts,
      retryBase: row.retry_base,
      url: row.url,
      secret: row.secret,
    }));
  }

  /** Logs an attempt and moves the delivery on (delivered, due again, or parked) — unless its lease was lost. */
  async recordAttempt(delivery: ClaimedDelivery, outcome: AttemptOutcome): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const updated = await updateReturning<{ id: string }>(
        manager,
        `UPDATE webhook_deliveries
            SET status = CASE WHEN $3 THEN 'delivered' WHEN $4::timestamptz IS NULL THEN 'parked' ELSE 'pending' END,
                delivered_at = CASE WHEN $3 THEN now() ELSE NULL END,
                next_attempt_at = coalesce($4::timestamptz, next_attempt_at),
                lease_until = NULL
          WHERE id = $1 AND attempts = $2 AND status = 'pending'
          RETURNING id`,
        [delivery.id, delivery.attempt, outcome.delivered, outcome.retryAt?.toISOString() ?? null],
      );
      await manager.query(
        `INSERT INTO webhook_delivery_attempts (delivery_id, attempt, tenant_id, started_at, duration_ms, status_code, error)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
        [
          delivery.id,
          delivery.attempt,
          delivery.tenantId,
          outcome.startedAt.toISOString(),
          outcome.durationMs,
          outcome.statusCode,
          updated.length === 0 ? `${outcome.error ?? ''} (lease lost)`.trim() : outcome.error,
        ],
      );
    });
  }

  /** Deliveries per status over every tenant (for the metrics endpoint). */
  async countByStatus(): Promise<Record<DeliveryStatus, number>> {
    const rows = await this.dataSource.query<Array<{ status: DeliveryStatus; n: string }>>(
      `SELECT status, count(*) AS n FROM webhook_deliveries WHERE status IN ('pending', 'parked') GROUP BY status`,
    );
    const counts: Record<DeliveryStatus, number> = { pending: 0, delivered: 0, parked: 0 };
    for (const row of rows) counts[row.status] = Number(row.n);
    return counts;
  }

  /** A subscription's deliveries of the current tenant, newest first, optionally by status. */
  async list(subscriptionId: string, status: DeliveryStatus | null, after: DeliveryCursor | null, limit: number): Promise<DeliveryRow[]> {
    const rows = await this.dataSource.query<Row[]>(
      `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries
        WHERE tenant_id = $1 AND subscription_id = $2 AND ($3::text IS NULL OR status = $3)
          AND ($4::timestamptz IS NULL OR (created_at, id) < ($4::timestamptz, $5::uuid))
        ORDER BY created_at DESC, id DESC LIMIT $6`,
      [requireTenant(), subscriptionId, status, after?.createdAt ?? null, after?.id ?? null, limit],
    );
    return rows.map(toDelivery);
  }

  async attemptsOf(deliveryIds: string[]): Promise<AttemptRow[]> {
    if (deliveryIds.length === 0) return [];
    const rows = await this.dataSource.query<
      Array<{ delivery_id: string; attempt: number; started_at: Date; duration_ms: number; status_code: number | null; error: string | null }>
    >(
      `SELECT delivery_id, attempt, started_at, duration_ms, status_code, error FROM webhook_delivery_attempts
        WHERE tenant_id = $1 AND delivery_id = ANY($2::uuid[]) ORDER BY delivery_id, attempt`,
      [requireTenant(), deliveryIds],
    );
    return rows.map((row) => ({
      deliveryId: row.delivery_id,
      attempt: row.attempt,
      startedAt: row.started_at,
      durationMs: row.duration_ms,
      statusCode: row.status_code,
      error: row.error,
    }));
  }

  async findOne(subscriptionId: string, deliveryId: string): Promise<DeliveryRow | null> {
    const rows = await this.dataSource.query<Row[]>(
      `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries WHERE tenant_id = $1 AND subscription_id = $2 AND id = $3`,
      [requireTenant(), subscriptionId, deliveryId],
    );
    return rows[0] ? toDelivery(rows[0]) : null;
  }

  /** Puts a parked delivery back in the queue with a fresh attempt budget; null when it is not parked. */
  async retryParked(subscriptionId: string, deliveryId: string): Promise<DeliveryRow | null> {
    const rows = await updateReturning<Row>(
      this.dataSource,
      `UPDATE webhook_deliveries d SET status = 'pending', retry_base = d.attempts, next_attempt_at = now(), lease_until = NULL
         FROM webhook_subscriptions s
        WHERE s.id = d.subscription_id AND s.active
          AND d.tenant_id = $1 AND d.subscription_id = $2 AND d.id = $3 AND d.status = 'parked'
        RETURNING d.id, d.subscription_id, d.event_id, d.event_type, d.replay_id, d.status, d.attempts, d.next_attempt_at,
                  d.delivered_at, d.created_at`,
      [requireTenant(), subscriptionId, deliveryId],
    );
    return rows[0] ? toDelivery(rows[0]) : null;
  }
}
