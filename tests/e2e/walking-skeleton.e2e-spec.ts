import { Client } from 'pg';
import type { inventoryV1 } from '@baton/contracts';
import { GrpcPeer, runWithContext } from '@baton/platform';
import { describeWithNats, waitFor } from '@baton/testing';
import { Cluster, startCluster } from './cluster';

interface HttpResult {
  status: number;
  body: any;
  headers: Headers;
}

describeWithNats('walking skeleton: one order through every service, each in its own process', () => {
  let cluster: Cluster;

  const http = async (method: string, path: string, body?: unknown, key?: string): Promise<HttpResult> => {
    const response = await fetch(`${cluster.gatewayUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${key ?? cluster.apiKey}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
  };

  const count = async (service: 'orders' | 'inventory' | 'fulfillment', sql: string): Promise<number> => {
    const client = new Client({ connectionString: cluster.databases.get(service) });
    await client.connect();
    try {
      const result = await client.query<{ n: string }>(sql);
      return Number(result.rows[0].n);
    } finally {
      await client.end();
    }
  };

  const orderBody = (channelOrderId: string, quantity = 1) => ({
    channel: 'web',
    channelOrderId,
    customerEmail: 'ada@example.com',
    currency: 'EUR',
    deliveryMethod: 'ship_to_address',
    shipTo: { name: 'Ada Lovelace', line1: 'Damrak 1', city: 'Amsterdam', postalCode: '1012 LG', country: 'NL' },
    lines: [{ sku: 'E2E-SKU', quantity, unitPriceMinor: 2500 }],
  });

  beforeAll(async () => {
    cluster = await startCluster();
  }, 180_000);

  afterAll(async () => {
    await cluster?.stop();
  }, 60_000);

  it('refuses a request without an API key with 401 problem+json', async () => {
    const response = await fetch(`${cluster.gatewayUrl}/v1/orders/00000000-0000-4000-8000-000000000000`);
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await response.json()) as { code: string };
    expect(problem.code).toBe('API_KEY_REQUIRED');
  });

  it('places an order that is reserved, fulfilled and tracked across all services', async () => {
    // A stock receipt through the inventory service's own API (gRPC), so the order can be sourced.
    await seedStock(cluster, 'E2E-SKU', 3);

    const placed = await http('POST', '/v1/orders', orderBody('WEB-E2E-1'));
    expect(placed.status).toBe(201);
    expect(placed.body.status).toBe('sourced');
    expect(placed.body.lines).toHaveLength(1);
    expect(placed.body.lines[0].locationId).toBeTruthy();
    const orderId: string = placed.body.id;

    const fetched = await http('GET', `/v1/orders/${orderId}`);
    expect(fetched.status).toBe(200);
    expect(fetched.body.id).toBe(orderId);

    const timeline = await waitFor(
      async () => {
        const result = await http('GET', `/v1/orders/${orderId}/timeline`);
        const types: string[] = result.body.entries.map((e: { type: string }) => e.type);
        const complete =
          types.includes('orders.order.placed.v1') &&
          types.includes('inventory.stock.reserved.v1') &&
          types.includes('fulfillment.fulfillment.created.v1');
        return complete ? result.body : undefined;
      },
      { timeoutMs: 15_000, intervalMs: 100 },
    );
    const services = new Set(timeline.entries.map((e: { service: string }) => e.service));
    expect(services).toEqual(new Set(['orders', 'inventory', 'fulfillment']));
    expect(await count('fulfillment', `SELECT count(*) AS n FROM fulfillment_orders WHERE order_id = '${orderId}'`)).toBe(1);
  });

  it('answers 409 naming the line when stock is insufficient, and stores no order', async () => {
    const refused = await http('POST', '/v1/orders', orderBody('WEB-E2E-TOO-MANY', 1000));
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.code).toBe('INSUFFICIENT_STOCK');
    expect(JSON.stringify(refused.body)).toContain('E2E-SKU');
    expect(await count('orders', `SELECT count(*) AS n FROM orders WHERE channel_order_id = 'WEB-E2E-TOO-MANY'`)).toBe(0);
  });

  it('answers 400 naming the invalid field and stores nothing', async () => {
    const bad = { ...orderBody('WEB-E2E-BAD'), currency: 'euro', status: 'shipped' };
    const refused = await http('POST', '/v1/orders', bad);
    expect(refused.status).toBe(400);
    const fields = (refused.body.errors ?? []).map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['currency', 'status']));
    expect(await count('orders', `SELECT count(*) AS n FROM orders WHERE channel_order_id = 'WEB-E2E-BAD'`)).toBe(0);
  });

  it('returns the same order when the channel sends it twice', async () => {
    const first = await http('POST', '/v1/orders', orderBody('WEB-E2E-TWICE'));
    const second = await http('POST', '/v1/orders', orderBody('WEB-E2E-TWICE'));
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body.id).toBe(first.body.id);
    expect(await count('orders', `SELECT count(*) AS n FROM orders WHERE channel_order_id = 'WEB-E2E-TWICE'`)).toBe(1);
  });

  it('keeps events published while fulfillment was down and applies them after its restart', async () => {
    await cluster.processes.get('fulfillment')?.stop();
    const placed = await http('POST', '/v1/orders', orderBody('WEB-E2E-WHILE-DOWN'));
    expect(placed.status).toBe(201);
    await cluster.restart('fulfillment');
    const orderId: string = placed.body.id;
    await waitFor(
      async () =>
        (await count('fulfillment', `SELECT count(*) AS n FROM fulfillment_orders WHERE order_id = '${orderId}'`)) === 1,
      { timeoutMs: 15_000, intervalMs: 100 },
    );
  });
});

async function seedStock(cluster: Cluster, sku: string, quantity: number): Promise<void> {
  const inventory = new GrpcPeer<inventoryV1.InventoryServiceClient>('inventory', cluster.inventoryGrpc, 5000);
  try {
    await runWithContext({ tenantId: cluster.tenantId, correlationId: 'e2e-seed' }, async () => {
      const { location } = await inventory.call('createLocation', {
        code: 'E2E-WH',
        name: 'E2E warehouse',
        type: 'warehouse',
        latitude: 52.37,
        longitude: 4.89,
        capabilities: ['ship'],
      });
      await inventory.call('createItem', { sku, name: 'E2E item', productGroup: 'test', unitValueMinor: 2500 });
      await inventory.call('receiveStock', {
        sku,
        locationId: location?.id as string,
        quantity,
        reference: 'e2e-seed',
        reason: 'e2e opening stock',
      });
    });
  } finally {
    inventory.close();
  }
}
