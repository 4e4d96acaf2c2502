import type { DataSource } from 'typeorm';
import type { EventEnvelope } from '@baton/domain';
import { createTestDatabase, dropTestDatabase, waitFor } from '@baton/testing';
import { InProcessEventBus, Outbox, OutboxRelay, type EventSubscription, type OutboxRelayOptions } from '../src';
import { openDataSource, outboxRows, stockChanged, testMetrics } from './messaging-test-kit';

describe(OutboxRelay.name, () => {
  let databaseUrl: string;
  let dataSource: DataSource;
  let bus: InProcessEventBus;
  let outbox: Outbox;
  let received: string[];
  let failOn: Set<string>;
  let relays: OutboxRelay[];

  const metrics = testMetrics('relay-test');

  function relay(options: Partial<OutboxRelayOptions> = {}): OutboxRelay {
    const created = new OutboxRelay(dataSource, bus, outbox, metrics, {
      pollIntervalMs: 50,
      retry: { initialMs: 20, maxMs: 100 },
      ...options,
    });
    relays.push(created);
    return created;
  }

  async function commit(...events: EventEnvelope[]): Promise<void> {
    await dataSource.transaction((manager) => outbox.append(manager, ...events));
  }

  async function backlog(): Promise<number> {
    return (await metrics.outboxBacklog.get()).values[0]?.value ?? NaN;
  }

  beforeEach(async () => {
    databaseUrl = await createTestDatabase('messaging_relay');
    dataSource = await openDataSource(databaseUrl);
    bus = new InProcessEventBus();
    outbox = new Outbox();
    received = [];
    failOn = new Set();
    relays = [];
    const subscription: EventSubscription = {
      consumer: 'recorder',
      types: ['inventory.stock.changed.v1'],
      maxDeliver: 1000,
      handle: async (envelope) => {
        if (failOn.has(envelope.id)) throw new Error(`cannot take ${envelope.aggregateId}`);
        received.push(envelope.id);
      },
    };
    await bus.subscribe(subscription);
  });

  afterEach(async () => {
    await Promise.all(relays.map((r) => r.stop()));
    await dataSource.destroy();
    await dropTestDatabase(databaseUrl);
  });

  it('publishes committed events in commit order and marks them published', async () => {
    const [a, b, c] = [stockChanged('A', 1), stockChanged('B', 1), stockChanged('A', 2)];
    await commit(a);
    await commit(b, c);

    const round = await relay().relayOnce();

    expect(round).toEqual({ locked: true, published: 3 });
    expect(received).toEqual([a.id, b.id, c.id]);
    const rows = await outboxRows(dataSource);
    expect(rows.map((row) => row.id)).toEqual([a.id, b.id, c.id]);
    expect(rows.every((row) => row.publishedAt !== null && row.attempts === 1)).toBe(true);
    expect(await backlog()).toBe(0);
    expect((await relay().relayOnce()).published).toBe(0);
    expect(received).toHaveLength(3);
  });

  it('never publishes an event whose transaction rolled back', async () => {
    const doomed = stockChanged('A', 1);
    await expect(
      dataSource.transaction(async (manager) => {
        await outbox.append(manager, doomed);
        throw new Error('business rule refused the change');
      }),
    ).rejects.toThrow('business rule refused the change');

    await relay().relayOnce();

    expect(await outboxRows(dataSource)).toEqual([]);
    expect(received).toEqual([]);
  });

  it('refuses to write outside a transaction', async () => {
    await expect(outbox.append(dataSource.manager, stockChanged('A', 1))).rejects.toThrow(/open transaction/);
  });

  it('stops at a failed publish without skipping ahead, and resumes in order after recovery', async () => {
    const [first, stuck, after] = [stockChanged('A', 1), stockChanged('A', 2), stockChanged('A', 3)];
    await commit(first, stuck, after);
    failOn.add(stuck.id);

    const failed = await relay().relayOnce();

    expect(failed).toMatchObject({ locked: true, published: 1 });
    expect(failed.error).toBeInstanceOf(AggregateError);
    expect(received).toEqual([first.id]);
    const [, stuckRow, afterRow] = await outboxRows(dataSource);
    expect(stuckRow).toMatchObject({ publishedAt: null, attempts: 1 });
    expect(stuckRow.lastError).toContain('cannot take A');
    expect(afterRow).toMatchObject({ publishedAt: null, attempts: 0 });
    expect(await backlog()).toBe(2);

    failOn.clear();
    const recovered = await relay().relayOnce();

    expect(recovered).toEqual({ locked: true, published: 2 });
    expect(received).toEqual([first.id, stuck.id, after.id]);
    expect((await outboxRows(dataSource)).map((row) => [row.attempts, row.lastError])).toEqual([
      [1, null],
      [2, null],
      [1, null],
    ]);
  });

  it('keeps retrying in the loop with backoff until the bus takes the event', async () => {
    const event = stockChanged('A', 1);
    await commit(event);
    failOn.add(event.id);
    relay().start();

    await waitFor(async () => (await outboxRows(dataSource))[0].attempts >= 3, { message: 'three failed attempts' });
    expect(received).toEqual([]);
    failOn.clear();

    await waitFor(async () => (await outboxRows(dataSource))[0].publishedAt !== null, { message: 'published' });
    expect(received).toEqual([event.id]);
  });

  it('lets only one replica relay at a time, so nothing is published twice or out of order', async () => {
    const events = Array.from({ length: 30 }, (_, i) => stockChanged(`SKU-${i % 3}`, i));
    for (const event of events) await commit(event);
    const slowBus = new InProcessEventBus();
    await slowBus.subscribe({
      consumer: 'slow',
      types: ['inventory.stock.changed.v1'],
      handle: async (envelope) => {
        await new Promise((resolve) => setTimeout(resolve, 2));
        received.push(envelope.id);
      },
    });
    const replicas = [0, 1, 2].map(
      () => new OutboxRelay(dataSource, slowBus, outbox, metrics, { pollIntervalMs: 5, batchSize: 4 }),
    );
    relays.push(...replicas);
    replicas.forEach((replica) => replica.start());

    await waitFor(() => received.length >= events.length, { message: 'all events relayed' });
    await Promise.all(replicas.map((replica) => replica.stop()));

    expect(received).toEqual(events.map((event) => event.id));
  });

  it('is woken by notify() instead of waiting for its next poll', async () => {
    const early = stockChanged('A', 1);
    await commit(early);
    const sleepy = relay({ pollIntervalMs: 60_000 });
    sleepy.start();
    await waitFor(() => received.includes(early.id), { message: 'first round' });

    const late = stockChanged('A', 2);
    await commit(late);
    outbox.notify();

    await waitFor(() => received.includes(late.id), { timeoutMs: 5000, message: 'woken round' });
  });

  it('finishes the round in flight before stop() resolves', async () => {
    const event = stockChanged('A', 1);
    await commit(event);
    let entered!: () => void;
    let release!: () => void;
    const handlerEntered = new Promise<void>((resolve) => (entered = resolve));
    const gate = new Promise<void>((resolve) => (release = resolve));
    const blockingBus = new InProcessEventBus();
    await blockingBus.subscribe({
      consumer: 'blocking',
      types: ['inventory.stock.changed.v1'],
      handle: async (envelope) => {
        entered();
        await gate;
        received.push(envelope.id);
      },
    });
    const running = new OutboxRelay(dataSource, blockingBus, outbox, metrics, { pollIntervalMs: 50 });
    relays.push(running);
    running.start();
    await handlerEntered;

    let stopped = false;
    const stopping = running.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped).toBe(false);

    release();
    await stopping;
    expect(received).toEqual([event.id]);
    expect((await outboxRows(dataSource))[0].publishedAt).not.toBeNull();
  });
});
