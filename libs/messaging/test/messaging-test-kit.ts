import { spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { DataSource, type EntityManager, type MigrationInterface, type QueryRunner } from 'typeorm';
import type { EventEnvelope, StockChangedV1 } from '@baton/domain';
import { MessagingTables1732700000000, messagingEntities, type EventHandler } from '../src';
import { ServiceMetrics, currentContext } from '@baton/platform';

/**
 * The observable effect of handling an event: one row per application. A consumer that applied an
 * event twice leaves two rows, so tests can count effects exactly. `stock_levels` is the state a
 * producer changes together with its outbox row.
 */
export class TestTables1732700000001 implements MigrationInterface {
  name = 'TestTables1732700000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE applied_effects (
        n bigserial PRIMARY KEY,
        consumer text NOT NULL,
        event_id uuid NOT NULL,
        aggregate_id text NOT NULL,
        tenant_id text NOT NULL,
        causation_id text NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE stock_levels (
        sku text PRIMARY KEY,
        tenant_id text NOT NULL,
        on_hand integer NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE stock_levels');
    await queryRunner.query('DROP TABLE applied_effects');
  }
}

/** A DataSource on `url` with the messaging tables and the test tables migrated. */
export async function openDataSource(url: string): Promise<DataSource> {
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    entities: messagingEntities,
    migrations: [MessagingTables1732700000000, TestTables1732700000001],
    migrationsRun: true,
    synchronize: false,
    poolSize: 5,
  });
  await dataSource.initialize();
  return dataSource;
}

/** A handler whose only effect is one `applied_effects` row, written in the inbox transaction. */
export function recordEffect(consumer: string): EventHandler {
  return async (envelope: EventEnvelope, manager: EntityManager) => {
    const context = currentContext();
    await manager.query(
      'INSERT INTO applied_effects (consumer, event_id, aggregate_id, tenant_id, causation_id) VALUES ($1, $2, $3, $4, $5)',
      [consumer, envelope.id, envelope.aggregateId, context?.tenantId ?? '', context?.causationId ?? null],
    );
  };
}

export interface AppliedEffect {
  consumer: string;
  eventId: string;
  aggregateId: string;
  tenantId: string;
  causationId: string | null;
}

/** Every effect, in the order it was applied. */
export async function appliedEffects(dataSource: DataSource, consumer?: string): Promise<AppliedEffect[]> {
  const rows = await dataSource.query<
    Array<{ consumer: string; event_id: string; aggregate_id: string; tenant_id: string; causation_id: string | null }>
  >(
    `SELECT consumer, event_id, aggregate_id, tenant_id, causation_id FROM applied_effects
     WHERE $1::text IS NULL OR consumer = $1 ORDER BY n`,
    [consumer ?? null],
  );
  return rows.map((row) => ({
    consumer: row.consumer,
    eventId: row.event_id,
    aggregateId: row.aggregate_id,
    tenantId: row.tenant_id,
    causationId: row.causation_id,
  }));
}

export interface OutboxRow {
  id: string;
  publishedAt: Date | null;
  attempts: number;
  lastError: string | null;
}

export async function outboxRows(dataSource: DataSource): Promise<OutboxRow[]> {
  const rows = await dataSource.query<
    Array<{ id: string; published_at: Date | null; attempts: number; last_error: string | null }>
  >('SELECT id, published_at, attempts, last_error FROM outbox_events ORDER BY seq');
  return rows.map((row) => ({
    id: row.id,
    publishedAt: row.published_at,
    attempts: row.attempts,
    lastError: row.last_error,
  }));
}

/** A stock-changed envelope for `sku`, built without a request context (tests publish it directly). */
export function stockChanged(sku: string, onHand: number, tenantId = 'tenant-test'): EventEnvelope<'inventory.stock.changed.v1'> {
  const data: StockChangedV1 = {
    sku,
    locationId: 'loc-1',
    movementType: 'receipt',
    quantity: 1,
    onHand,
    reserved: 0,
    available: onHand,
    reference: `ref-${onHand}`,
  };
  return {
    id: randomUUID(),
    type: 'inventory.stock.changed.v1',
    version: 1,
    tenantId,
    aggregateType: 'stock',
    aggregateId: sku,
    occurredAt: new Date().toISOString(),
    correlationId: randomUUID(),
    causationId: null,
    data,
  };
}

/** Metrics for one test, without the default process collectors. */
export function testMetrics(service: string): ServiceMetrics {
  return new ServiceMetrics(service, { defaultMetrics: false });
}

/** The value of `baton_events_handled_total` for these labels. */
export async function handledCount(
  metrics: ServiceMetrics,
  labels: { consumer: string; type: string; outcome: string },
): Promise<number> {
  const metric = await metrics.eventsHandled.get();
  const found = metric.values.find(
    (value) =>
      value.labels.consumer === labels.consumer &&
      value.labels.type === labels.type &&
      value.labels.outcome === labels.outcome,
  );
  return found?.value ?? 0;
}

/** A stream prefix no other test run uses, so streams, subjects and consumers never collide. */
export function uniqueStreamPrefix(): string {
  return `T${randomBytes(5).toString('hex').toUpperCase()}`;
}

/** Deletes every stream under a test's prefix (the test NATS server keeps streams on disk). */
export async function deletePrefixedStreams(natsUrl: string, streamPrefix: string): Promise<void> {
  const nc = await connect({ servers: natsUrl });
  try {
    const jsm = await jetstreamManager(nc);
    const prefix = `${streamPrefix}_`;
    for await (const name of jsm.streams.names()) {
      if (name.startsWith(prefix)) await jsm.streams.delete(name);
    }
  } finally {
    await nc.close();
  }
}

export interface FixtureExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

const FIXTURES = path.join(__dirname, 'fixtures');

/**
 * Runs a TypeScript fixture from test/fixtures in its own Node process (transpiled by the SWC require
 * hook), as a separate service process would run, and resolves with how it ended.
 */
export function runFixture(script: string, args: string[], timeoutMs = 20_000): Promise<FixtureExit> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--require', path.join(FIXTURES, 'swc-register.js'), path.join(FIXTURES, script), ...args],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}
