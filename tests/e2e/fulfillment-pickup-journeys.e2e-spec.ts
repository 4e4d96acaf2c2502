import { Client } from 'pg';
import type { inventoryV1, ordersV1 } from '@baton/contracts';
import { GrpcPeer, runWithContext } from '@baton/platform';
import { describeWithNats, waitFor } from '@baton/testing';
import { Cluster, startCluster } from './cluster';

interface HttpResult {
  status: number;
  body: any;
}

const WAIT = { timeoutMs: 30_000, intervalMs: 200 };

/**
 * Pickup journeys across the six processes: click-and-collect (ready → refused with a wrong code →
 * collected with the right one), ship-to-store with both legs (transfer warehouse → store,
 * received, then collected at the store), and an uncollected pickup that expires so its stock is
 * available again. The gateway's order route takes ship-to-address only so far, so these orders
 * are placed through orders' gRPC API as a channel adapter would; every store operation goes
 * through the gateway. After each journey inventory's ledger and positions agree and the order
 * holds no reservation any more.
 */
describeWithNats('fulfillment journeys: click-and-collect, ship-to-store, pickup expiry — six real processes', () => {
  let cluster: Cluster;
  let inventory: GrpcPeer<inventoryV1.InventoryServiceClient>;
  let orders: GrpcPeer<ordersV1.OrdersServiceClient>;
  let warehouse: string;
  let store: string;

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
  const asTenant = <T>(fn: () => Promise<T>) => runWithContext({ tenantId: cluster.tenantId, correlationId: 'e2e-fulfillment-pickup' }, fn);
  const query = async <T>(service: 'inventory' | 'fulfillment', sql: string, params: unknown[] = []): Promise<T[]> => {
    const client = new Client({ connectionString: cluster.databases.get(service) });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  };
  const position = async (sku: string, locationId: string) => {
    const [row] = await query<{ on_hand: string; reserved: string }>('inventory', `SELECT on_hand, reserved FROM stock_positions WHERE sku = $1 AND location_id = $2`, [sku, locationId]);
    return row ? { onHand: Number(row.on_hand), reserved: Number(row.reserved) } : { onHand: 0, reserved: 0 };
  };
  const assertInventoryConsistent = async (orderId: string, lineIds?: string[]) => {
    const drift = await query('inventory', `
      SELECT p.sku, p.location_id FROM stock_positions p
        LEFT JOIN stock_movements m ON m.tenant_id = p.tenant_id AND m.sku = p.sku AND m.location_id = p.location_id
       GROUP BY p.tenant_id, p.sku, p.location_id, p.on_hand, p.reserved
      HAVING p.on_hand <> coalesce(sum(m.on_hand_delta), 0) OR p.reserved <> coalesce(sum(m.reserved_delta), 0)`);
    expect(drift).toEqual([]);
    const held = await waitFor(async () => {
      const rows = await query<{ line_id: string }>('inventory', `SELECT line_id FROM reservations WHERE order_id = $1 AND status IN ('held', 'confirmed')`, [orderId]);
      if (lineIds) return rows.filter((r) => lineIds.includes(r.line_id)).length === 0 ? [] : undefined;
      return rows.length === 0 ? rows : undefined;
    }, WAIT);
    expect(held).toEqual([]);
  };
  const place = async (channelOrderId: string, sku: string, quantity: number, deliveryMethod: string, destinationLocationId: string) => {
    const { order } = await asTenant(() =>
      orders.call('placeOrder', {
        channel: 'web',
        channelOrderId,
        customerEmail: 'ada@example.com',
        currency: 'EUR',
        deliveryMethod,
        shipTo: undefined,
        lines: [{ sku, quantity, unitPriceMinor: 1500, deliveryMethod, destinationLocationId }],
        destinationLocationId,
      } as unknown as ordersV1.PlaceOrderRequest),
    );
    return order as ordersV1.Order;
  };
  const legsOf = (orderId: string, count: number) =>
    waitFor(async () => {
      const listed = await http('GET', `/v1/fulfillments?orderId=${orderId}`);
      return listed.status === 200 && listed.body.items.length === count ? (listed.body.items as any[]) : undefined;
    }, WAIT);
  const pickupCodeOf = async (fulfillmentId: string): Promise<string> => {
    const [row] = await waitFor(async () => {
      const rows = await query<{ code: string }>(
        'fulfillment',
        `SELECT envelope->'data'->>'pickupCode' AS code FROM outbox_events WHERE aggregate_id = $1 AND type = 'fulfillment.fulfillment.ready-for-pickup.v1'`,
        [fulfillmentId],
      );
      return rows.length > 0 ? rows : undefined;
    }, WAIT);
    return row.code;
  };
  const workToReady = async (fulfillment: any) => {
    await ok('POST', `/v1/fulfillments/${fulfillment.id}/accept`);
    await ok('POST', `/v1/fulfillments/${fulfillment.id}/pick`, { lines: fulfillment.lines.map((l: any) => ({ lineId: l.lineId, quantity: l.quantity })) });
    const ready = await ok('POST', `/v1/fulfillments/${fulfillment.id}/ready`);
    expect(ready.status).toBe('ready_for_pickup');
    return pickupCodeOf(fulfillment.id);
  };

  beforeAll(async () => {
    cluster = await startCluster({ env: { fulfillment: { FULFILLMENT_TIMER_INTERVAL_MS: '300' } } });
    inventory = new GrpcPeer<inventoryV1.InventoryServiceClient>('inventory', cluster.inventoryGrpc, 5000);
    orders = new GrpcPeer<ordersV1.OrdersServiceClient>('orders', cluster.ordersGrpc, 10_000);
    await asTenant(async () => {
      warehouse = (await inventory.call('createLocation', { code: 'PU-WH', name: 'Warehouse', type: 'warehouse', latitude: 52.3, longitude: 4.76, capabilities: ['ship'] })).location?.id as string;
      store = (await inventory.call('createLocation', { code: 'PU-STORE', name: 'Store', type: 'store', latitude: 52.37, longitude: 4.89, capabilities: ['pickup', 'ship', 'receive_transfers'] }))
        .location?.id as string;
      for (const sku of ['PU-TEE', 'PU-LAMP']) await inventory.call('createItem', { sku, name: sku, productGroup: 'e2e', unitValueMinor: 1500 });
      await inventory.call('receiveStock', { sku: 'PU-TEE', locationId: store, quantity: 10, reference: 'seed-store', reason: 'e2e opening stock' });
      await inventory.call('receiveStock', { sku: 'PU-LAMP', locationId: warehouse, quantity: 10, reference: 'seed-wh', reason: 'e2e opening stock' });
    });
    await ok('PUT', `/v1/fulfillment-locations/${store}`, {
      dailyCapacity: 0,
      timeZone: 'Europe/Amsterdam',
      address: { name: 'Store Centrum', line1: 'Kalverstraat 1', city: 'Amsterdam', postalCode: '1012 NX', country: 'NL' },
    });
  }, 180_000);

  afterAll(async () => {
    inventory?.close();
    orders?.close();
    await cluster?.stop();
  }, 60_000);

  it('click-and-collect: ready, refused with a wrong code, collected with the right one', async () => {
    const order = await place('WEB-PU-1', 'PU-TEE', 2, 'click_and_collect', store);
    const [work] = await legsOf(order.id, 1);
    expect(work).toMatchObject({ legType: 'pickup', locationId: store, deliveryMethod: 'click_and_collect', status: 'created' });
    const code = await workToReady(work);

    const wrong = await http('POST', `/v1/fulfillments/${work.id}/hand-over`, { pickupCode: code === '000000' ? '111111' : '000000' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('PICKUP_CODE_INVALID');
    const malformed = await http('POST', `/v1/fulfillments/${work.id}/hand-over`, { pickupCode: '12' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors.map((e: { field: string }) => e.field)).toEqual(['pickupCode']);
    expect((await ok('GET', `/v1/fulfillments/${work.id}`)).status).toBe('ready_for_pickup');
    expect(await position('PU-TEE', store)).toEqual({ onHand: 10, reserved: 2 });

    const collected = await ok('POST', `/v1/fulfillments/${work.id}/hand-over`, { pickupCode: code });
    expect(collected).toMatchObject({ status: 'collected', lines: [expect.objectContaining({ collectedQuantity: 2 })] });
    await waitFor(async () => ((await position('PU-TEE', store)).onHand === 8 ? true : undefined), WAIT);
    expect(await position('PU-TEE', store)).toEqual({ onHand: 8, reserved: 0 });
    await assertInventoryConsistent(order.id);
  });

  it('ship-to-store: the warehouse ships to the store, the store receives it, then the customer collects it', async () => {
    const order = await place('WEB-PU-2', 'PU-LAMP', 1, 'ship_to_store', store);
    const legs = await legsOf(order.id, 2);
    const transfer = legs.find((l) => l.legType === 'transfer');
    const pickup = legs.find((l) => l.legType === 'pickup');
    expect(transfer).toMatchObject({ locationId: warehouse, destinationLocationId: store, status: 'created' });
    expect(pickup).toMatchObject({ locationId: store, status: 'pending', dependsOnFulfillmentId: transfer.id });
    expect((await http('POST', `/v1/fulfillments/${pickup.id}/accept`)).status).toBe(422);

    await ok('POST', `/v1/fulfillments/${transfer.id}/accept`);
    await ok('POST', `/v1/fulfillments/${transfer.id}/pick`, { lines: [{ lineId: transfer.lines[0].lineId, quantity: 1 }], scannedSkus: ['PU-LAMP'] });
    await ok('POST', `/v1/fulfillments/${transfer.id}/pack`, { packages: [{ weightGrams: 3000, lengthMm: 500, widthMm: 300, heightMm: 300 }] });
    const shipped = await ok('POST', `/v1/fulfillments/${transfer.id}/ship`, {});
    expect(shipped.status).toBe('shipped');
    await waitFor(async () => ((await position('PU-LAMP', warehouse)).onHand === 9 ? true : undefined), WAIT);

    expect((await ok('POST', `/v1/fulfillments/${transfer.id}/receive`)).status).toBe('delivered');
    const activated = await waitFor(async () => {
      const found = await ok('GET', `/v1/fulfillments/${pickup.id}`);
      return found.status === 'created' ? found : undefined;
    }, WAIT);
    expect(activated.dueAt).not.toBe('');
    const code = await workToReady(activated);
    expect((await ok('POST', `/v1/fulfillments/${pickup.id}/hand-over`, { pickupCode: code })).status).toBe('collected');
    await assertInventoryConsistent(order.id);
  });

  it('expires an uncollected pickup after the tenant limit: inventory releases exactly its units', async () => {
    await ok('PUT', '/v1/fulfillment-policy', {
      startWithinMinutes: 600,
      onLate: 'flag',
      pickupExpiryHours: 1,
      onPickupExpiry: 'cancel',
      pickupPrepMinutes: 60,
      defaultCarrierStrategy: 'cheapest',
    });
    const before = await position('PU-TEE', store);
    const order = await place('WEB-PU-3', 'PU-TEE', 3, 'click_and_collect', store);
    const [work] = await legsOf(order.id, 1);
    await workToReady(work);
    expect(await position('PU-TEE', store)).toEqual({ onHand: before.onHand, reserved: before.reserved + 3 });

    // An hour cannot pass in a test: the limit is moved into the past, the service's own timer does the rest.
    await query('fulfillment', `UPDATE fulfillment_orders SET pickup_expires_at = now() - interval '1 minute' WHERE id = $1`, [work.id]);
    await waitFor(async () => ((await ok('GET', `/v1/fulfillments/${work.id}`)).status === 'expired' ? true : undefined), WAIT);
    const [expired] = await query<{ id: string; data: any }>(
      'fulfillment',
      `SELECT id, envelope->'data' AS data FROM outbox_events WHERE aggregate_id = $1 AND type = 'fulfillment.fulfillment.expired.v1'`,
      [work.id],
    );
    expect(expired.data).toMatchObject({ policy: 'cancel', locationId: store, lines: [expect.objectContaining({ sku: 'PU-TEE', quantity: 3, locationId: store })] });
    const released = await waitFor(async () => {
      const rows = await query<{ type: string; on_hand_delta: string; reserved_delta: string }>(
        'inventory',
        `SELECT type, on_hand_delta, reserved_delta FROM stock_movements WHERE reference LIKE $1`,
        [`event/${expired.id}/%`],
      );
      return rows.length > 0 ? rows : undefined;
    }, WAIT);
    expect(released.map((m) => [m.type, Number(m.on_hand_delta), Number(m.reserved_delta)])).toEqual([['release', 0, -3]]);
    expect((await position('PU-TEE', store)).onHand).toBe(before.onHand);
    // The expired part holds nothing any more (orders may offer the lines again as new work).
    await assertInventoryConsistent(order.id, work.lines.map((l: { lineId: string }) => l.lineId));
  });
});
