import { jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { DataSource } from 'typeorm';
import type { EventEnvelope } from '@baton/domain';
import { createTestDatabase, describeWithNats, dropTestDatabase, testNatsUrl, waitFor } from '@baton/testing';
import { EventConsumers, Inbox, JetStreamEventBus, Outbox, OutboxRelay, type EventBus } from '../src';
import {
  appliedEffects,
  deletePrefixedStreams,
  handledCount,
  openDataSource,
  outboxRows,
  recordEffect,
  runFixture,
  stockChanged,
  testMetrics,
  uniqueStreamPrefix,
} from './messaging-test-kit';

const TYPE = 'inventory.stock.changed.v1';

/**
 * A crash at any point loses no event and applies none twice. The crashing side runs as a real child
 * process killed with SIGKILL; producer and consumer each have their own database.
 */
describeWithNats('crash safety of outbox, relay and inbox', () => {
  const natsUrl = testNatsUrl() as string;
  let streamPrefix: string;
  let producerUrl: string;
  let consumerUrl: string;
  let producerDb: DataSource;
  let consumerDb: DataSource;
  let buses: EventBus[];
  let nc: NatsConnection;
  let jsm: JetStreamManager;

  function jetStreamBus(duplicateWindowMs?: number): JetStreamEventBus {
    const bus = new JetStreamEventBus({ servers: natsUrl, streamPrefix, duplicateWindowMs });
    buses.push(bus);
    return bus;
  }

  async function startConsumer(duplicateWindowMs?: number) {
    const metrics = testMetrics('fulfillment');
    const consumers = new EventConsumers(
      new Inbox(consumerDb, new Outbox()),
      jetStreamBus(duplicateWindowMs),
      { service: 'fulfillment' },
      metrics,
    );
    consumers.on(TYPE, recordEffect('fulfillment'));
    await consumers.start();
    return { consumers, metrics };
  }

  async function storedMessages(): Promise<number> {
    return (await jsm.streams.info(`${streamPrefix}_INVENTORY`)).state.messages;
  }

  beforeAll(async () => {
    nc = await connect({ servers: natsUrl });
    jsm = await jetstreamManager(nc);
  });

  afterAll(async () => {
    await nc.close();
  });

  beforeEach(async () => {
    streamPrefix = uniqueStreamPrefix();
    buses = [];
    [producerUrl, consumerUrl] = await Promise.all([
      createTestDatabase('messaging_crash_producer'),
      createTestDatabase('messaging_crash_consumer'),
    ]);
    [producerDb, consumerDb] = await Promise.all([openDataSource(producerUrl), openDataSource(consumerUrl)]);
  });

  afterEach(async () => {
    await Promise.all(buses.map((bus) => bus.close()));
    await Promise.all([producerDb.destroy(), consumerDb.destroy()]);
    await Promise.all([dropTestDatabase(producerUrl), dropTestDatabase(consumerUrl)]);
    await deletePrefixedStreams(natsUrl, streamPrefix);
  });

  it('loses neither state nor event when the producer dies right after its commit, and applies it once', async () => {
    const crashed = await runFixture('commit-then-crash.ts', [producerUrl, 'SKU-CRASH', 'after-commit']);
    expect(crashed).toMatchObject({ signal: 'SIGKILL' });
    const eventId = crashed.stdout.trim();

    expect(await producerDb.query('SELECT sku, on_hand FROM stock_levels')).toEqual([{ sku: 'SKU-CRASH', on_hand: 7 }]);
    expect(await outboxRows(producerDb)).toEqual([{ id: eventId, publishedAt: null, attempts: 0, lastError: null }]);

    const { consumers, metrics } = await startConsumer();
    const relay = new OutboxRelay(producerDb, jetStreamBus(), new Outbox(), testMetrics('inventory'));
    expect(await relay.relayOnce()).toEqual({ locked: true, published: 1 });
    await waitFor(async () => (await appliedEffects(consumerDb)).length === 1, { message: 'event applied' });

    const [{ envelope }] = await producerDb.query<Array<{ envelope: EventEnvelope }>>(
      'SELECT envelope FROM outbox_events',
    );
    const subscription = consumers.subscription();
    await subscription.handle(envelope);
    await subscription.handle(envelope);

    expect(await appliedEffects(consumerDb)).toEqual([
      {
        consumer: 'fulfillment',
        eventId,
        aggregateId: 'SKU-CRASH',
        tenantId: 'tenant-crash',
        causationId: eventId,
      },
    ]);
    expect(await handledCount(metrics, { consumer: 'fulfillment', type: TYPE, outcome: 'duplicate' })).toBe(2);
  });

  it('keeps neither state nor event when the producer dies before its commit', async () => {
    const crashed = await runFixture('commit-then-crash.ts', [producerUrl, 'SKU-LOST', 'before-commit']);
    expect(crashed).toMatchObject({ signal: 'SIGKILL' });

    expect(await producerDb.query('SELECT sku FROM stock_levels')).toEqual([]);
    expect(await outboxRows(producerDb)).toEqual([]);
  });

  it('republishes after the relay died between publish and mark, and JetStream drops the repeat', async () => {
    const event = stockChanged('SKU-RELAY', 1);
    await producerDb.transaction((manager) => new Outbox().append(manager, event));

    const crashed = await runFixture('relay-then-crash.ts', [producerUrl, natsUrl, streamPrefix, '120000']);
    expect(crashed).toMatchObject({ signal: 'SIGKILL', stdout: `published ${event.id}\n` });
    expect((await outboxRows(producerDb))[0].publishedAt).toBeNull();
    expect(await storedMessages()).toBe(1);

    const relayBus = jetStreamBus();
    const relay = new OutboxRelay(producerDb, relayBus, new Outbox(), testMetrics('inventory'));
    expect(await relay.relayOnce()).toEqual({ locked: true, published: 1 });
    expect((await outboxRows(producerDb))[0].publishedAt).not.toBeNull();
    expect(await storedMessages()).toBe(1);

    const { metrics } = await startConsumer();
    await waitFor(async () => (await appliedEffects(consumerDb)).length === 1, { message: 'event applied' });
    const sentinel = stockChanged('SKU-SENTINEL', 1);
    await relayBus.publish(sentinel);
    await waitFor(async () => (await appliedEffects(consumerDb)).length === 2, { message: 'sentinel applied' });

    expect((await appliedEffects(consumerDb)).map((effect) => effect.eventId)).toEqual([event.id, sentinel.id]);
    expect(await handledCount(metrics, { consumer: 'fulfillment', type: TYPE, outcome: 'duplicate' })).toBe(0);
  });

  it('applies the event once even when the republish comes after the duplicate window (the inbox drops it)', async () => {
    const windowMs = 300;
    const event = stockChanged('SKU-LATE', 1);
    await producerDb.transaction((manager) => new Outbox().append(manager, event));

    const crashed = await runFixture('relay-then-crash.ts', [producerUrl, natsUrl, streamPrefix, String(windowMs)]);
    expect(crashed).toMatchObject({ signal: 'SIGKILL', stdout: `published ${event.id}\n` });
    await new Promise((resolve) => setTimeout(resolve, windowMs * 4));

    const relay = new OutboxRelay(producerDb, jetStreamBus(windowMs), new Outbox(), testMetrics('inventory'));
    expect(await relay.relayOnce()).toEqual({ locked: true, published: 1 });
    expect(await storedMessages()).toBe(2);

    const { metrics } = await startConsumer(windowMs);
    const labels = { consumer: 'fulfillment', type: TYPE };
    await waitFor(async () => (await handledCount(metrics, { ...labels, outcome: 'duplicate' })) === 1, {
      message: 'second copy handled as a duplicate',
    });

    expect((await appliedEffects(consumerDb)).map((effect) => effect.eventId)).toEqual([event.id]);
    expect(await handledCount(metrics, { ...labels, outcome: 'applied' })).toBe(1);
  });
});
