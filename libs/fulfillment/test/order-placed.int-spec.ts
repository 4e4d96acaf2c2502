import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { fulfillmentV1 } from '@baton/contracts';
import type { EventEnvelope, OrderLineData } from '@baton/domain';
import { InProcessEventBus } from '@baton/messaging';
import { GrpcPeer, bootstrapService, loadServiceConfig, type RunningService } from '@baton/platform';
import { createTestDatabase, dropTestDatabase, freePort, waitFor, withTenant } from '@baton/testing';
import { FulfillmentModule, loadFulfillmentSettings } from '../src';

const TENANT = 'acme';

function placedEvent(lines: Array<Pick<OrderLineData, 'sku' | 'quantity' | 'locationId'>>): EventEnvelope<'orders.order.placed.v1'> {
  const orderId = randomUUID();
  return {
    id: randomUUID(),
    type: 'orders.order.placed.v1',
    version: 1,
    tenantId: TENANT,
    aggregateType: 'order',
    aggregateId: orderId,
    occurredAt: new Date().toISOString(),
    correlationId: randomUUID(),
    causationId: null,
    data: {
      orderId,
      channel: 'web',
      channelOrderId: `W-${orderId.slice(0, 8)}`,
      customerEmail: 'ada@example.com',
      deliveryMethod: 'ship_to_address',
      shipTo: { name: 'Ada', line1: 'Damrak 1', city: 'Amsterdam', postalCode: '1012 LG', country: 'NL' },
      lines: lines.map((line) => ({ lineId: randomUUID(), unitPriceMinor: 1000, currency: 'EUR', ...line })),
      totalMinor: lines.reduce((sum, line) => sum + line.quantity * 1000, 0),
      currency: 'EUR',
    },
  };
}

describe('fulfillment consuming orders.order.placed.v1', () => {
  let databaseUrl: string;
  let service: RunningService;
  let client: GrpcPeer<fulfillmentV1.FulfillmentServiceClient>;
  let db: DataSource;
  const bus = new InProcessEventBus();
  const announced: Array<EventEnvelope<'fulfillment.fulfillment.created.v1'>> = [];

  const count = async (sql: string, params: unknown[]): Promise<number> =>
    Number((await db.query<Array<{ n: string }>>(sql, params))[0].n);
  const list = (orderId: string, tenant = TENANT) =>
    withTenant(tenant, () => client.call('listOrderFulfillments', { orderId }));

  beforeAll(async () => {
    databaseUrl = await createTestDatabase('fulfillment placed');
    await bus.subscribe({
      consumer: 'probe',
      types: ['fulfillment.fulfillment.created.v1'],
      handle: async (envelope) => {
        announced.push(envelope as EventEnvelope<'fulfillment.fulfillment.created.v1'>);
      },
    });
    const config = loadServiceConfig('fulfillment', {
      FULFILLMENT_DATABASE_URL: databaseUrl,
      HTTP_HOST: '127.0.0.1',
      FULFILLMENT_HTTP_PORT: '0',
      GRPC_URL: `127.0.0.1:${await freePort()}`,
      LOG_LEVEL: 'error',
    });
    service = await bootstrapService({
      service: 'fulfillment',
      module: FulfillmentModule.forRoot({ config, bus, settings: { ...loadFulfillmentSettings({}), timerIntervalMs: 0 } }),
      config,
      grpc: 'fulfillment',
    });
    db = service.app.get(DataSource);
    client = new GrpcPeer<fulfillmentV1.FulfillmentServiceClient>('fulfillment', config.grpcUrl, 10_000);
  });

  afterAll(async () => {
    client?.close();
    await service?.close();
    await bus.close();
    if (databaseUrl) await dropTestDatabase(databaseUrl);
  });

  it('creates one fulfilment order and one outbox row however often the same event arrives', async () => {
    const event = placedEvent([
      { sku: 'TSHIRT', quantity: 2, locationId: 'loc-a' },
      { sku: 'MUG', quantity: 1, locationId: 'loc-a' },
    ]);
    await bus.publish(event);
    await bus.publish(event);
    await Promise.all([bus.publish(event), bus.publish(event)]);

    const { orderId } = event.data;
    expect(await count('SELECT count(*) AS n FROM fulfillment_orders WHERE order_id = $1', [orderId])).toBe(1);
    expect(
      await count(`SELECT count(*) AS n FROM outbox_events WHERE type = 'fulfillment.fulfillment.created.v1' AND envelope->'data'->>'orderId' = $1`, [
        orderId,
      ]),
    ).toBe(1);

    const { fulfillments } = await list(orderId);
    expect(fulfillments).toHaveLength(1);
    expect(fulfillments[0]).toMatchObject({
      orderId,
      locationId: 'loc-a',
      deliveryMethod: 'ship_to_address',
      status: 'created',
      lines: event.data.lines.map(({ lineId, sku, quantity }) => expect.objectContaining({ lineId, sku, quantity })),
    });

    const created = await waitFor(() => announced.find((e) => e.data.orderId === orderId), {
      message: 'fulfillment.fulfillment.created.v1 on the bus',
    });
    expect(created).toMatchObject({
      tenantId: TENANT,
      aggregateType: 'fulfillment',
      aggregateId: fulfillments[0].id,
      correlationId: event.correlationId,
      causationId: event.id,
      data: { fulfillmentId: fulfillments[0].id, orderId, locationId: 'loc-a', deliveryMethod: 'ship_to_address' },
    });
    expect(created.data.lines).toEqual(
      fulfillments[0].lines.map(({ lineId, sku, quantity }) => ({ lineId, sku, quantity, locationId: 'loc-a' })),
    );
  });

  it('creates one fulfilment order per sourced location', async () => {
    const event = placedEvent([
      { sku: 'TSHIRT', quantity: 2, locationId: 'loc-b' },
      { sku: 'MUG', quantity: 1, locationId: 'loc-a' },
      { sku: 'CAP', quantity: 3, locationId: 'loc-b' },
    ]);
    await bus.publish(event);

    const { fulfillments } = await list(event.data.orderId);
    expect(fulfillments.map((f) => [f.locationId, f.lines.map((l) => l.sku)])).toEqual([
      ['loc-a', ['MUG']],
      ['loc-b', ['TSHIRT', 'CAP']],
    ]);
    const outboxed = await db.query<Array<{ aggregate_id: string }>>(
      `SELECT aggregate_id FROM outbox_events WHERE envelope->'data'->>'orderId' = $1 ORDER BY seq`,
      [event.data.orderId],
    );
    expect(outboxed.map((row) => row.aggregate_id).sort()).toEqual(fulfillments.map((f) => f.id).sort());
  });

  it('shows a tenant only its own fulfilment orders', async () => {
    const event = placedEvent([{ sku: 'TSHIRT', quantity: 1, locationId: 'loc-a' }]);
    await bus.publish(event);

    expect((await list(event.data.orderId)).fulfillments).toHaveLength(1);
    expect((await list(event.data.orderId, 'globex')).fulfillments).toEqual([]);
  });
});
