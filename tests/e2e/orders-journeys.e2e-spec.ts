import { Client } from 'pg';
import type { inventoryV1 } from '@baton/contracts';
import { GrpcPeer, runWithContext } from '@baton/platform';
import { describeWithNats, waitFor } from '@baton/testing';
import { Cluster, startCluster } from './cluster';

interface HttpResult {
  status: number;
  body: any;
}

const WAIT = { timeoutMs: 30_000, intervalMs: 200 };
const SHIP_TO = { name: 'Ada Lovelace', line1: 'Damrak 1', city: 'Amsterdam', postalCode: '1012 LG', country: 'NL', latitude: 52.3731, longitude: 4.8926 };
const TTL_SECONDS = 6;

/**
 * Orders journeys across the six real processes on NATS and Postgres, through the gateway: a
 * mixed cart (one line collected at a store, one delivered), a rejection re-sourced to another
 * warehouse, a crash of `orders` between reserve and commit that leaves no reservation behind once
 * it expires, duplicate submissions that make one order, and a partial cancellation that releases
 * exactly the cancelled units.
 */
describeWithNats('orders journeys — six real processes', () => {
  let cluster: Cluster;
  let inventory: GrpcPeer<inventoryV1.InventoryServiceClient>;
  const loc: Record<string, string> = {};

  const http = async (method: string, path: string, body?: unknown): Promise<HttpResult> => {
    const response = await fetch(`${cluster.gatewayUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${cluster.apiKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  const ok = async (method: string, path: string, body?: unknown, status = 200): Promise<any> => {
    const result = await http(method, path, body);
    if (result.status !== status) throw new Error(`${method} ${path} answered ${result.status}: ${JSON.stringify(result.body)}`);
    return result.body;
  };
  const query = async <T>(service: 'inventory' | 'orders' | 'fulfillment', sql: string, params: unknown[] = []): Promise<T[]> => {
    const client = new Client({ connectionString: cluster.databases.get(service) });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  };
  const reservations = (sku: string) =>
    query<{ order_id: string; line_id: string; location_id: string; quantity: number; status: string; open: number }>(
      'inventory',
      `SELECT order_id, line_id, location_id, quantity, status, quantity - released_quantity - consumed_quantity AS open FROM reservations WHERE sku = $1 ORDER BY created_at`,
      [sku],
    );
  const reservedAt = async (sku: string, locationId: string) =>
    Number((await query<{ reserved: string }>('inventory', 'SELECT reserved FROM stock_positions WHERE sku = $1 AND location_id = $2', [sku, locationId]))[0]?.reserved ?? 0);
  const orderBody = (channelOrderId: string, lines: Array<Record<string, unknown>>) => ({
    channel: 'web',
    channelOrderId,
    customerEmail: 'ada@example.com',
    currency: 'EUR',
    deliveryMethod: 'ship_to_address',
    shipTo: SHIP_TO,
    lines: lines.map((l) => ({ unitPriceMinor: 2500, ...l })),
  });

  beforeAll(async () => {
    cluster = await startCluster({
      env: {
        orders: { ORDERS_RESERVATION_TTL_SECONDS: String(TTL_SECONDS) },
        inventory: { INVENTORY_SWEEP_INTERVAL_MS: '300' },
      },
    });
    inventory = new GrpcPeer<inventoryV1.InventoryServiceClient>('inventory', cluster.inventoryGrpc, 5000);
    await runWithContext({ tenantId: cluster.tenantId, correlationId: 'e2e-orders-seed' }, async () => {
      const create = async (code: string, type: string, latitude: number, longitude: number, capabilities: string[]) =>
        (loc[code] = (await inventory.call('createLocation', { code, name: code, type, latitude, longitude, capabilities })).location?.id as string);
      await create('ORD-WH-UTRECHT', 'warehouse', 52.09, 5.12, ['ship']);
      await create('ORD-WH-ROTTERDAM', 'warehouse', 51.92, 4.48, ['ship']);
      await create('ORD-STORE-AMS', 'store', 52.37, 4.89, ['ship', 'pickup']);
      const stock: Array<[string, string, number]> = [
        ['ORD-TEE', 'ORD-WH-ROTTERDAM', 20],
        ['ORD-MUG', 'ORD-STORE-AMS', 5],
        ['ORD-CAP', 'ORD-WH-ROTTERDAM', 5],
        ['ORD-CAP', 'ORD-WH-UTRECHT', 5],
        ['ORD-LAMP', 'ORD-WH-UTRECHT', 5],
        ['ORD-SOCK', 'ORD-WH-ROTTERDAM', 10],
        ['ORD-DUP', 'ORD-WH-ROTTERDAM', 10],
      ];
      for (const sku of new Set(stock.map(([s]) => s))) await inventory.call('createItem', { sku, name: sku, productGroup: 'e2e', unitValueMinor: 2500 });
      for (const [sku, code, quantity] of stock) {
        await inventory.call('receiveStock', { sku, locationId: loc[code], quantity, reference: `seed-${sku}-${code}`, reason: 'e2e opening stock' });
      }
    });
  }, 180_000);

  afterAll(async () => {
    inventory?.close();
    await cluster?.stop();
  }, 60_000);

  it('places a mixed cart: one line collected at the store, one delivered from a warehouse, each worked where it is', async () => {
    const placed = await ok(
      'POST',
      '/v1/orders',
      orderBody('WEB-ORD-MIXED', [
        { sku: 'ORD-MUG', quantity: 1, deliveryMethod: 'click_and_collect', destinationLocationId: loc['ORD-STORE-AMS'] },
        { sku: 'ORD-TEE', quantity: 2 },
      ]),
      201,
    );
    expect(placed.deliveryMethod).toBe('mixed');
    expect(placed.lines.map((l: any) => [l.sku, l.deliveryMethod, l.locationId])).toEqual([
      ['ORD-MUG', 'click_and_collect', loc['ORD-STORE-AMS']],
      ['ORD-TEE', 'ship_to_address', loc['ORD-WH-ROTTERDAM']],
    ]);
    const work = await waitFor(async () => {
      const rows = await query<{ location_id: string; delivery_method: string }>('fulfillment', 'SELECT location_id, delivery_method FROM fulfillment_orders WHERE order_id = $1', [placed.id]);
      return rows.length === 2 ? rows : undefined;
    }, WAIT);
    expect(work.map((w) => [w.location_id, w.delivery_method]).sort()).toEqual(
      [
        [loc['ORD-STORE-AMS'], 'click_and_collect'],
        [loc['ORD-WH-ROTTERDAM'], 'ship_to_address'],
      ].sort(),
    );
    const explained = await ok('GET', `/v1/orders/${placed.id}/sourcing`);
    expect(explained.decisions[0].groups.map((g: any) => g.deliveryMethod).sort()).toEqual(['click_and_collect', 'ship_to_address']);
  });

  it('re-sources a rejected fulfilment to another warehouse, never back to the one that rejected it', async () => {
    const placed = await ok('POST', '/v1/orders', orderBody('WEB-ORD-REJECT', [{ sku: 'ORD-CAP', quantity: 2 }]), 201);
    const first = placed.lines[0].locationId as string;
    const other = first === loc['ORD-WH-ROTTERDAM'] ? loc['ORD-WH-UTRECHT'] : loc['ORD-WH-ROTTERDAM'];
    const fulfilment = await waitFor(async () => {
      const listed = await http('GET', `/v1/fulfillments?orderId=${placed.id}`);
      return listed.status === 200 && listed.body.items.length === 1 ? listed.body.items[0] : undefined;
    }, WAIT);
    await ok('POST', `/v1/fulfillments/${fulfilment.id}/reject`, { reason: 'no staff today' });

    const resourced = await waitFor(async () => {
      const order = await ok('GET', `/v1/orders/${placed.id}`);
      return order.lines[0].locationId === other ? order : undefined;
    }, WAIT);
    expect(resourced.status).toBe('sourced');
    await waitFor(async () => {
      const held = (await reservations('ORD-CAP')).filter((r) => r.order_id === placed.id);
      return held.some((r) => r.location_id === other && r.status === 'confirmed' && Number(r.open) === 2) &&
        held.every((r) => r.location_id === other || Number(r.open) === 0)
        ? held
        : undefined;
    }, WAIT);
    expect(await reservedAt('ORD-CAP', first)).toBe(0);
    await waitFor(async () => {
      const rows = await query<{ location_id: string }>('fulfillment', `SELECT location_id FROM fulfillment_orders WHERE order_id = $1 AND status <> 'rejected'`, [placed.id]);
      return rows.length === 1 && rows[0].location_id === other;
    }, WAIT);
  });

  it('leaves no reservation behind when orders is killed between reserve and commit, once the hold expires', async () => {
    const lock = new Client({ connectionString: cluster.databases.get('orders') });
    await lock.connect();
    await lock.query('BEGIN');
    await lock.query('LOCK TABLE orders IN SHARE MODE');
    const pending = http('POST', '/v1/orders', orderBody('WEB-ORD-CRASH', [{ sku: 'ORD-LAMP', quantity: 3 }]));
    const held = await waitFor(async () => {
      const rows = await reservations('ORD-LAMP');
      return rows.length === 1 && rows[0].status === 'held' ? rows[0] : undefined;
    }, WAIT);
    expect(await reservedAt('ORD-LAMP', loc['ORD-WH-UTRECHT'])).toBe(3);

    await cluster.processes.get('orders')?.kill();
    await lock.query('ROLLBACK');
    await lock.end();
    expect((await pending).status).toBeGreaterThanOrEqual(500);
    expect(await query('orders', `SELECT id FROM orders WHERE channel_order_id = 'WEB-ORD-CRASH'`)).toEqual([]);

    await waitFor(async () => (await reservations('ORD-LAMP'))[0].status === 'expired', { timeoutMs: TTL_SECONDS * 1000 + 20_000, intervalMs: 250 });
    expect(await reservedAt('ORD-LAMP', loc['ORD-WH-UTRECHT'])).toBe(0);

    await cluster.restart('orders');
    const again = await ok('POST', '/v1/orders', orderBody('WEB-ORD-CRASH', [{ sku: 'ORD-LAMP', quantity: 3 }]), 201);
    expect(again.id).toBe(held.order_id);
    expect(await reservedAt('ORD-LAMP', loc['ORD-WH-UTRECHT'])).toBe(3);
    expect((await reservations('ORD-LAMP')).map((r) => r.status)).toEqual(['expired', 'confirmed']);
  });

  it('turns duplicate submissions of one channel order into one order holding one reservation per line', async () => {
    const body = orderBody('WEB-ORD-DUP', [{ sku: 'ORD-DUP', quantity: 2 }]);
    const answers = await Promise.all(Array.from({ length: 6 }, () => http('POST', '/v1/orders', body)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(await query('orders', `SELECT id FROM orders WHERE channel_order_id = 'WEB-ORD-DUP'`)).toHaveLength(1);
    const held = (await reservations('ORD-DUP')).filter((r) => Number(r.open) > 0);
    expect(held).toHaveLength(1);
    expect(await reservedAt('ORD-DUP', loc['ORD-WH-ROTTERDAM'])).toBe(2);
  });

  it('promises, holds and releases, explains and lists through the gateway, and refuses bad input naming the field', async () => {
    const promise = await ok('POST', '/v1/promise', {
      lines: [{ sku: 'ORD-MUG', quantity: 1, unitPriceMinor: 1200 }],
      currency: 'EUR',
      destination: { country: 'NL', latitude: 52.3731, longitude: 4.8926 },
    });
    const collect = promise.options.find((o: any) => o.deliveryMethod === 'click_and_collect');
    expect(collect).toMatchObject({ possible: true, stores: [expect.objectContaining({ locationId: loc['ORD-STORE-AMS'], readyToday: true })] });
    expect(promise.options.find((o: any) => o.deliveryMethod === 'ship_to_address')).toMatchObject({ possible: true });

    const bad = await http('POST', '/v1/promise', { lines: [{ sku: 'ORD-MUG', quantity: 0, unitPriceMinor: 1 }], currency: 'EUR', destination: { country: 'NL' } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('lines.0.quantity');

    const placed = await ok('POST', '/v1/orders', orderBody('WEB-ORD-HOLD', [{ sku: 'ORD-TEE', quantity: 1 }]), 201);
    const held = await ok('POST', `/v1/orders/${placed.id}/holds`, { reason: 'customer called' }, 201);
    expect(held.order.status).toBe('on_hold');
    const released = await ok('POST', `/v1/orders/${placed.id}/release`, { note: 'ok' });
    expect(released.order.status).toBe('sourced');
    const history = await ok('GET', `/v1/orders/${placed.id}/history`);
    expect(history.changes.filter((c: any) => c.lineId === '').map((c: any) => c.toStatus)).toEqual(['created', 'sourced', 'on_hold', 'sourced']);

    const rules = await ok('GET', '/v1/sourcing-rules');
    expect(rules.ruleSets[0]).toMatchObject({ version: 0, status: 'default' });
    const draft = await http('POST', '/v1/sourcing-rules', { rules: { ...rules.ruleSets[0].rules, maxSplits: 'two' } });
    expect(draft.status).toBe(400);
  });

  it('releases exactly the cancelled quantity of a partially cancelled line, and refunds it', async () => {
    const placed = await ok('POST', '/v1/orders', orderBody('WEB-ORD-CANCEL', [{ sku: 'ORD-SOCK', quantity: 5, unitPriceMinor: 1000 }]), 201);
    expect(await reservedAt('ORD-SOCK', loc['ORD-WH-ROTTERDAM'])).toBe(5);
    const cancelled = await ok('POST', `/v1/orders/${placed.id}/cancel`, { reason: 'two too many', lines: [{ lineId: placed.lines[0].id, quantity: 2 }] });
    expect(cancelled).toMatchObject({ refundMinor: 2000, order: { status: 'partially_cancelled' } });
    await waitFor(async () => (await reservedAt('ORD-SOCK', loc['ORD-WH-ROTTERDAM'])) === 3, WAIT);
    const [reservation] = await reservations('ORD-SOCK');
    expect(Number(reservation.open)).toBe(3);
    const listed = await ok('GET', `/v1/orders?status=partially_cancelled&customer=ada@example.com`);
    expect(listed.orders.map((o: any) => o.id)).toContain(placed.id);
  });
});
