import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { EventEnvelope } from '@baton/domain';
import { SERVICE_METRICS, type ServiceMetrics } from '@baton/platform';
import type { EventBus } from '../bus/event-bus';
import { EVENT_BUS, OUTBOX_RELAY_OPTIONS } from '../messaging.tokens';
import { backoffDelay, type BackoffPolicy } from '../retry/backoff';
import { Outbox } from './outbox.service';

export interface OutboxRelayOptions {
  /** How often to look for committed events when nobody called `Outbox.notify()` (ms). */
  pollIntervalMs: number;
  /** Events published per round (one transaction). */
  batchSize: number;
  /** Pause after a failed round, growing with consecutive failures. */
  retry: BackoffPolicy;
}

export const DEFAULT_OUTBOX_RELAY_OPTIONS: OutboxRelayOptions = {
  pollIntervalMs: 250,
  batchSize: 100,
  retry: { initialMs: 200, maxMs: 10_000 },
};

/** What one round of the relay did. */
export interface RelayRound {
  /** False when another replica holds the relay lock; this one then did nothing. */
  locked: boolean;
  published: number;
  /** The error that stopped the round, if one did. */
  error?: unknown;
}

const MAX_ERROR_LENGTH = 2000;

/**
 * Publishes committed outbox rows to the bus, oldest first. Invariants: an event leaves only after
 * the transaction that wrote it committed (it reads committed rows); it is published at least once,
 * even across crashes and restarts (a row stays pending until the bus accepted it); and events keep
 * their commit order, per aggregate and overall — one replica relays at a time (a transaction-scoped
 * advisory lock) and a failed publish ends the round instead of skipping ahead. A crash between
 * publish and "mark published" republishes the same event id, which the bus and inbox deduplicate.
 */
@Injectable()
export class OutboxRelay {
  private readonly options: OutboxRelayOptions;
  private readonly logger = new Logger(OutboxRelay.name);
  private running = false;
  private loop: Promise<void> = Promise.resolve();
  private consecutiveFailures = 0;
  private wakeRequested = false;
  private sleeping?: { wakeable: boolean; resolve: () => void; timer: NodeJS.Timeout };
  private stopListening?: () => void;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    private readonly outbox: Outbox,
    @Inject(SERVICE_METRICS) private readonly metrics: ServiceMetrics,
    @Optional() @Inject(OUTBOX_RELAY_OPTIONS) options?: Partial<OutboxRelayOptions>,
  ) {
    this.options = { ...DEFAULT_OUTBOX_RELAY_OPTIONS, ...options };
  }

  /** Starts the relay loop (idempotent). */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopListening = this.outbox.onNotify(() => this.wake());
    this.loop = this.run();
  }

  /** Stops the loop and waits for the round in flight, so no publish is cut off halfway. */
  async stop(): Promise<void> {
    if (this.running) {
      this.running = false;
      this.stopListening?.();
      this.stopListening = undefined;
      this.endSleep(true);
    }
    await this.loop;
  }

  /** One round: publishes up to `batchSize` pending events in order, stopping at the first failure. */
  async relayOnce(): Promise<RelayRound> {
    let round: RelayRound;
    try {
      round = await this.dataSource.transaction((manager) => this.publishPending(manager));
    } catch (error) {
      round = { locked: false, published: 0, error };
    }
    if (round.error !== undefined) {
      this.logger.warn(`Outbox relay round stopped after ${round.published} event(s): ${describeError(round.error)}`);
    }
    await this.refreshBacklog();
    return round;
  }

  private async publishPending(manager: EntityManager): Promise<RelayRound> {
    const [{ locked }] = await manager.query<Array<{ locked: boolean }>>(
      "SELECT pg_try_advisory_xact_lock(hashtext('outbox-relay:' || current_schema())) AS locked",
    );
    if (!locked) return { locked: false, published: 0 };
    const rows = await manager.query<Array<{ id: string; envelope: EventEnvelope }>>(
      'SELECT id, envelope FROM outbox_events WHERE published_at IS NULL ORDER BY seq LIMIT $1',
      [this.options.batchSize],
    );
    const published: string[] = [];
    let error: unknown;
    for (const row of rows) {
      try {
        await this.bus.publish(row.envelope);
        published.push(row.id);
      } catch (failure) {
        error = failure;
        await manager.query('UPDATE outbox_events SET attempts = attempts + 1, last_error = $2 WHERE id = $1', [
          row.id,
          describeError(failure).slice(0, MAX_ERROR_LENGTH),
        ]);
        break;
      }
    }
    if (published.length > 0) {
      await manager.query(
        `UPDATE outbox_events SET published_at = now(), attempts = attempts + 1, last_error = NULL
         WHERE id = ANY($1::uuid[])`,
        [published],
      );
    }
    return { locked: true, published: published.length, ...(error === undefined ? {} : { error }) };
  }

  private async refreshBacklog(): Promise<void> {
    try {
      const [{ backlog }] = await this.dataSource.query<Array<{ backlog: number }>>(
        'SELECT count(*)::int AS backlog FROM outbox_events WHERE published_at IS NULL',
      );
      this.metrics.outboxBacklog.set(backlog);
    } catch (error) {
      this.logger.warn(`Could not measure the outbox backlog: ${describeError(error)}`);
    }
  }

  private async run(): Promise<void> {
    while (this.running) {
      const round = await this.relayOnce();
      if (!this.running) return;
      if (round.error !== undefined) {
        this.consecutiveFailures += 1;
        await this.sleep(backoffDelay(this.consecutiveFailures, this.options.retry), false);
        continue;
      }
      this.consecutiveFailures = 0;
      if (round.locked && round.published >= this.options.batchSize) continue;
      await this.sleep(this.options.pollIntervalMs, true);
    }
  }

  /** Waits `ms`; a wakeable sleep also ends at `Outbox.notify()`, including one that came mid-round. */
  private sleep(ms: number, wakeable: boolean): Promise<void> {
    if (wakeable && this.wakeRequested) {
      this.wakeRequested = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.endSleep(true), ms);
      this.sleeping = { wakeable, resolve, timer };
    });
  }

  private wake(): void {
    if (this.sleeping?.wakeable) {
      this.endSleep(false);
    } else {
      this.wakeRequested = true;
    }
  }

  private endSleep(force: boolean): void {
    const sleeping = this.sleeping;
    if (!sleeping || (!force && !sleeping.wakeable)) return;
    this.sleeping = undefined;
    clearTimeout(sleeping.timer);
    this.wakeRequested = false;
    sleeping.resolve();
  }
}

function describeError(error: unknown): string {
  if (error instanceof AggregateError) {
    return `${error.message}: ${error.errors.map(describeError).join('; ')}`;
  }
  return error instanceof Error ? error.message : String(error);
}
