import { randomUUID } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import type { EventEnvelope } from '@baton/domain';
import { JetStreamEventBus } from '@baton/messaging';
import { describeWithNats, testNatsUrl, waitFor } from '@baton/testing';
import { FulfillmentKit } from './fulfillment-test-kit';

const DUPLICATE_WINDOW_MS = 300;

describeWithNats('fulfillment over JetStream: consumes orders, publishes its events, once each', () => {
  const natsUrl = testNatsUrl() as string;
  const streamPrefix = `FUL${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`;
  const orders = new JetStreamEventBus({ servers: natsUrl, streamPrefix, duplicateWindowMs: DUPLICATE_WINDOW_MS, lagIntervalMs: 60_000 });
  const kit = new FulfillmentKit(
    new JetStreamEventBus({ servers: natsUrl, streamPrefix, connectionName: 'fulfillment', duplicateWindowMs: DUPLICATE_WINDOW_MS, lagIntervalMs: 60_000 }),
  );
  const seen: EventEnvelope[] = [];

  beforeAll(async () => {
    await orders.publish({ ...kit.placedEvent([{ sku: 'WARMUP', quantity: 1, locationId: 'none' }]), tenantId: 'warmup' });
    await kit.start('fulfillment jetstream');
    await orders.subscribe({
      consumer: 'probe',
      types: ['fulfillment.fulfillment.created.v1', 'fulfillment.fulfillment.shipped.v1'],
      handle: async (envelope) => {
        seen.push(envelope);
      },
    });
  });

  afterAll(async () => {
    await kit.stop();
    await orders.close();
    const nc = await connect({ servers: natsUrl });
    try {
      const jsm = await jetstreamManager(nc);
      for await (const name of jsm.streams.names()) if (name.startsWith(`${streamPrefix}_`)) await jsm.streams.delete(name);
    } finally {
      await nc.close();
    }
  });

  const handled = async (outcome: string): Promise<number> => {
    const text = await (await fetch(`${kit.service.httpUrl}/metrics`)).text();
    const line = text.split('\n').find((l) => l.startsWith('baton_events_handled_total') && l.includes('orders.order.placed.v1') && l.includes(`outcome="${outcome}"`));
    return line ? Number(line.split(' ').pop()) : 0;
  };

  it('creates the work from a placed order and announces it on the stream; a redelivered order changes nothing', async () => {
    const placed = kit.placedEvent([{ sku: 'TEE', quantity: 2, locationId: 'wh-n' }]);
    await orders.publish(placed);
    const created = await waitFor(() => seen.find((e) => e.type === 'fulfillment.fulfillment.created.v1' && (e.data as { orderId: string }).orderId === placed.data.orderId), {
      timeoutMs: 20_000,
      message: 'created event on JetStream',
    });
    expect(created).toMatchObject({ tenantId: kit.tenant, causationId: placed.id, correlationId: placed.correlationId });

    await new Promise((resolve) => setTimeout(resolve, DUPLICATE_WINDOW_MS * 2));
    const duplicatesBefore = await handled('duplicate');
    await orders.publish(placed);
    await waitFor(async () => (await handled('duplicate')) > duplicatesBefore, { timeoutMs: 20_000, message: 'redelivery seen by the inbox' });
    expect(await kit.count(`SELECT count(*) AS n FROM fulfillment_orders WHERE order_id = $1`, [placed.data.orderId])).toBe(1);
    expect(await kit.count(`SELECT count(*) AS n FROM outbox_events WHERE type = 'fulfillment.fulfillment.created.v1' AND envelope->'data'->>'orderId' = $1`, [placed.data.orderId])).toBe(1);

    const [work] = (await kit.call('listOrderFulfillments', { orderId: placed.data.orderId })).fulfillments;
    await kit.readyToShip(work);
    await kit.call('shipFulfillment', { fulfillmentId: work.id, carrierId: '', serviceCode: '', strategy: '' });
    const shipped = await waitFor(() => seen.find((e) => e.type === 'fulfillment.fulfillment.shipped.v1' && e.aggregateId === work.id), {
      timeoutMs: 20_000,
      message: 'shipped event on JetStream',
    });
    expect((shipped.data as { lines: Array<{ quantity: number; locationId: string }> }).lines).toEqual([expect.objectContaining({ quantity: 2, locationId: 'wh-n' })]);
  });
});
