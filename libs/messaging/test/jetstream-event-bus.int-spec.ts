import { jetstream, jetstreamManager, type JetStreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { DataSource } from 'typeorm';
import type { EventEnvelope } from '@baton/domain';
import { createTestDatabase, describeWithNats, dropTestDatabase, testNatsUrl, waitFor } from '@baton/testing';
import {
  EventConsumers,
  Inbox,
  JetStreamEventBus,
  Outbox,
  OutboxRelay,
  PARKED_HEADERS,
  type EventSubscription,
  type JetStreamEventBusOptions,
} from '../src';
import {
  appliedEffects,
  deletePrefixedStreams,
  handledCount,
  openDataSource,
  outboxRows,
  recordEffect,
  stockChanged,
  testMetrics,
  uniqueStreamPrefix,
} from './messaging-test-kit';

const TYPE = 'inventory.stock.changed.v1';

describeWithNats(JetStreamEventBus.name, () => {
  const natsUrl = testNatsUrl() as string;
  let streamPrefix: string;
  let buses: JetStreamEventBus[];
  let nc: NatsConnection;
  let jsm: JetStreamManager;

  function bus(options: Partial<JetStreamEventBusOptions> = {}): JetStreamEventBus {
    const created = new JetStreamEventBus({
      servers: natsUrl,
      streamPrefix,
      redelivery: { initialMs: 50, maxMs: 200 },
      ...options,
    });
    buses.push(created);
    return created;
  }

  /** A subscription that records what it was handed, in order, without an inbox. */
  function recorder(consumer: string, fail: (envelope: EventEnvelope) => boolean = () => false) {
    const calls: string[] = [];
    const subscription: EventSubscription = {
      consumer,
      types: [TYPE],
      handle: async (envelope) => {
        calls.push(envelope.id);
        if (fail(envelope)) throw new Error(`cannot handle ${envelope.aggregateId}`);
      },
    };
    return { subscription, calls };
  }

  beforeAll(async () => {
    nc = await connect({ servers: natsUrl });
    jsm = await jetstreamManager(nc);
  });

  afterAll(async () => {
    await nc.close();
  });

  beforeEach(() => {
    streamPrefix = uniqueStreamPrefix();
    buses = [];
  });

  afterEach(async () => {
    await Promise.all(buses.map((b) => b.close()));
    await deletePrefixedStreams(natsUrl, streamPrefix);
  });

  it('delivers to a consumer that was down everything published meanwhile, in order', async () => {
    const databaseUrl = await createTestDatabase('messaging_catch_up');
    const dataSource: DataSource = await openDataSource(databaseUrl);
    try {
      const outbox = new Outbox();
      const startConsumer = async () => {
        const consumerBus = bus();
        const consumers = new EventConsumers(
          new Inbox(dataSource, outbox),
          consumerBus,
          { service: 'fulfillment' },
          testMetrics('fulfillment'),
        );
        consumers.on(TYPE, recordEffect('fulfillment'));
        await consumers.start();
        return consumerBus;
      };
      const relay = new OutboxRelay(dataSource, bus(), outbox, testMetrics('inventory'));

      const first = stockChanged('SKU-1', 1);
      await dataSource.transaction((manager) => outbox.append(manager, first));
      const running = await startConsumer();
      await relay.relayOnce();
      await waitFor(async () => (await appliedEffects(dataSource)).length === 1, { message: 'first event handled' });
      await running.close();

      const meanwhile = Array.from({ length: 10 }, (_, i) => stockChanged(`SKU-${i % 3}`, i + 2));
      for (const event of meanwhile) await dataSource.transaction((manager) => outbox.append(manager, event));
      expect(await relay.relayOnce()).toEqual({ locked: true, published: 10 });
      expect((await outboxRows(dataSource)).every((row) => row.publishedAt !== null)).toBe(true);

      await startConsumer();
      await waitFor(async () => (await appliedEffects(dataSource)).length >= 11, { message: 'caught up' });

      expect((await appliedEffects(dataSource)).map((effect) => effect.eventId)).toEqual(
        [first, ...meanwhile].map((event) => event.id),
      );
    } finally {
      await dataSource.destroy();
      await dropTestDatabase(databaseUrl);
    }
  });

  it('stores and delivers a repeated publish of one event id once, with the context headers', async () => {
    const publisher = bus();
    const { subscription, calls } = recorder('tracking');
    await bus().subscribe(subscription);
    const event = { ...stockChanged('SKU-1', 1), causationId: 'cause-1' };
    const sentinel = stockChanged('SKU-2', 1);

    await publisher.publish(event);
    await publisher.publish(event);
    await publisher.publish(sentinel);
    await waitFor(() => calls.includes(sentinel.id), { message: 'sentinel handled' });

    expect(calls).toEqual([event.id, sentinel.id]);
    const stream = publisher.naming.streamOf('inventory');
    expect((await jsm.streams.info(stream)).state.messages).toBe(2);
    const stored = await jsm.streams.getMessage(stream, { seq: 1 });
    expect(stored?.subject).toBe(`${streamPrefix}.${TYPE}`);
    expect(stored?.header.get('Nats-Msg-Id')).toBe(event.id);
    expect(stored?.header.get('x-correlation-id')).toBe(event.correlationId);
    expect(stored?.header.get('x-tenant-id')).toBe(event.tenantId);
    expect(stored?.header.get('x-causation-id')).toBe('cause-1');
    expect(stored?.json<EventEnvelope>()).toEqual(event);
  });

  it('parks a poison message after maxDeliver attempts and stops redelivering it', async () => {
    const metrics = testMetrics('returns');
    const consumerBus = bus({ metrics });
    const poison = stockChanged('POISON', 1);
    const { subscription, calls } = recorder('returns', (envelope) => envelope.id === poison.id);
    await consumerBus.subscribe({ ...subscription, maxDeliver: 3 });
    const parkedStream = consumerBus.naming.parkedStream;

    await consumerBus.publish(poison);
    await waitFor(async () => (await jsm.streams.info(parkedStream)).state.messages === 1, { message: 'parked' });

    const sentinel = stockChanged('SKU-OK', 1);
    await consumerBus.publish(sentinel);
    await waitFor(() => calls.includes(sentinel.id), { message: 'sentinel handled' });

    expect(calls).toEqual([poison.id, poison.id, poison.id, sentinel.id]);
    const parked = await jsm.streams.getMessage(parkedStream, { seq: 1 });
    expect(parked?.subject).toBe(`${streamPrefix}.parked.returns.${TYPE}`);
    expect(parked?.header.get(PARKED_HEADERS.reason)).toBe('cannot handle POISON');
    expect(parked?.header.get(PARKED_HEADERS.consumer)).toBe('returns');
    expect(parked?.header.get(PARKED_HEADERS.deliveries)).toBe('3');
    expect(parked?.header.get('x-tenant-id')).toBe(poison.tenantId);
    expect(parked?.json<EventEnvelope>()).toEqual(poison);
    const info = await jsm.consumers.info(consumerBus.naming.streamOf('inventory'), 'returns');
    expect(info.num_ack_pending + info.num_pending).toBe(0);
    expect(await handledCount(metrics, { consumer: 'returns', type: TYPE, outcome: 'parked' })).toBe(1);
  });

  it('measures consumer lag as pending plus unacknowledged events', async () => {
    const metrics = testMetrics('tracking');
    const consumerBus = bus({ metrics });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const handled: string[] = [];
    await consumerBus.subscribe({
      consumer: 'tracking',
      types: [TYPE],
      handle: async (envelope) => {
        await gate;
        handled.push(envelope.id);
      },
    });
    const lag = async () => {
      await consumerBus.refreshLag();
      const values = (await metrics.consumerLag.get()).values;
      return values.find((v) => v.labels.consumer === 'tracking' && v.labels.stream === consumerBus.naming.streamOf('inventory'))
        ?.value;
    };

    for (let i = 0; i < 3; i += 1) await consumerBus.publish(stockChanged(`SKU-${i}`, i));
    await waitFor(async () => (await lag()) === 3, { message: 'lag of 3' });

    release();
    await waitFor(() => handled.length === 3, { message: 'handled' });
    await waitFor(async () => (await lag()) === 0, { message: 'lag of 0' });
  });

  it('hands a subscriber exactly the types it subscribed to, from every producer', async () => {
    const consumerBus = bus();
    const seen: string[] = [];
    await consumerBus.subscribe({
      consumer: 'tracking',
      types: ['inventory.stock.changed.v1', 'inventory.stock.reserved.v1', 'orders.order.placed.v1'],
      handle: async (envelope) => {
        seen.push(envelope.type);
      },
    });
    const changed = stockChanged('SKU-1', 1);
    const reserved = {
      ...stockChanged('SKU-1', 1),
      type: 'inventory.stock.reserved.v1' as const,
      data: { orderId: 'o-1', reservations: [] },
    };
    const placed = {
      ...stockChanged('SKU-1', 1),
      type: 'orders.order.placed.v1' as const,
      data: {
        orderId: 'o-1',
        channel: 'web',
        channelOrderId: 'W-1',
        customerEmail: 'a@example.com',
        deliveryMethod: 'ship_to_address',
        shipTo: { name: 'A', line1: 'L', city: 'C', postalCode: 'P', country: 'NL' },
        lines: [],
        totalMinor: 0,
        currency: 'EUR',
      },
    };
    await consumerBus.publish(changed);
    await consumerBus.publish(reserved);
    await consumerBus.publish(placed);
    const unknown = { ...stockChanged('SKU-1', 1), type: 'inventory.stock.counted.v1' };
    await jetstream(nc).publish(`${streamPrefix}.inventory.stock.counted.v1`, JSON.stringify(unknown), { msgID: unknown.id });
    const sentinel = stockChanged('SKU-2', 2);
    await consumerBus.publish(sentinel);

    await waitFor(() => seen.length >= 4, { message: 'four subscribed events' });
    expect([...seen].sort()).toEqual([
      'inventory.stock.changed.v1',
      'inventory.stock.changed.v1',
      'inventory.stock.reserved.v1',
      'orders.order.placed.v1',
    ]);
    await waitFor(
      async () => {
        const info = await jsm.consumers.info(consumerBus.naming.streamOf('inventory'), 'tracking');
        return info.num_pending + info.num_ack_pending === 0;
      },
      { message: 'inventory stream fully acknowledged, the unsubscribed type included' },
    );
  });

  it('refuses to subscribe one consumer twice on a bus, and reports health', async () => {
    const consumerBus = bus();
    await consumerBus.subscribe(recorder('gateway').subscription);
    await expect(consumerBus.subscribe(recorder('gateway').subscription)).rejects.toThrow(/already subscribed/);
    await expect(consumerBus.healthCheck().check()).resolves.toBeUndefined();
    await consumerBus.close();
    await expect(consumerBus.healthCheck().check()).rejects.toThrow(/closed/);
  });
});
