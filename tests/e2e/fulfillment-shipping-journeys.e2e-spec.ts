import { Client } from 'pg';
import type { inventoryV1 } from '@baton/contracts';
import { GrpcPeer, runWithContext } from '@baton/platform';
import { describeWithNats, waitFor } from '@baton/testing';
import { Cluster, startCluster } from './cluster';

interface HttpResult {
  status: number;
  body: any;
  headers: Headers;
  raw: Buffer;
}

const WAIT = { timeoutMs: 30_000, intervalMs: 200 };
const SHIP_TO = { name: 'Ada Lovelace', line1: 'Damrak 1', city: 'Amsterdam', postalCode: '1012 LG', country: 'NL' };

/**
 * Ship from a warehouse, across the six processes on NATS and Postgres, through the gateway as a
 * warehouse app would call it: placed → accept → pick (scans) → pack → ship (label) → delivered by
 * the carrier's tracking update, with a shipment that cannot be made first (nothing moves); a
 * short pick whose units inventory releases and counts off; and a fulfilment short-picked to
 * nothing that orders re-sources to another warehouse, which ships it; ship-from-store; and
 * fulfillment killed (SIGKILL) while shipping. After each journey inventory's ledger and positions
 * agree and no reservation of the order is left held.
 */
describeWithNats('fulfillment journeys: ship from a warehouse or a store, short pick, re-sourcing, a crash — six real processes', () => {
  let cluster: Cluster;
  let inventory: GrpcPeer<inventoryV1.InventoryServiceClient>;
  let warehouse: string;
  let secondWarehouse: string;
  let store: string;

  const http = async (method: string, path: string, body?: unknown): Promise<HttpResult> => {
    const response = await fetch(`${cluster.gatewayUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${cluster.apiKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const raw = Buffer.from(await response.arrayBuffer());
    const json = (response.headers.get('content-type') ?? '').includes('json') && raw.length > 0 ? JSON.parse(raw.toString('utf8')) : undefined;
    return { status: response.status, body: json, headers: response.headers, raw };
  };
  const ok = async (method: string, path: string, body?: unknown, status = 200): Promise<any> => {
    const result = await http(method, path, body);
    if (result.status !== status) throw new Error(`${method} ${path} answered ${result.status}: ${JSON.stringify(result.body)}`);
    return result.body;
  };
  const query = async <T>(service: 'inventory' | 'fulfillment', sql: string, params: unknown[] = []): Promise<T[]> => {
    const client = new Client({ connectionString: cluster.databases.get(service) });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  };
  const position = async (sku: string, locationId = warehouse) =>
    (
      await query<{ on_hand: string; reserved: string }>('inventory', `SELECT on_hand, reserved FROM stock_positions WHERE sku = $1 AND location_id = $2`, [sku, locationId])
    ).map((p) => ({ onHand: Number(p.on_hand), reserved: Number(p.reserved) }))[0];

  /** Inventory's invariant after a journey: every position is the sum of its ledger, and the order holds nothing any more. */
  const assertInventoryConsistent = async (orderId: string) => {
    const drift = await query('inventory', `
      SELECT p.sku, p.location_id, p.on_hand, p.reserved, coalesce(sum(m.on_hand_delta), 0) AS ledger_on_hand, coalesce(sum(m.reserved_delta), 0) AS ledger_reserved
        FROM stock_positions p LEFT JOIN stock_movements m ON m.tenant_id = p.tenant_id AND m.sku = p.sku AND m.location_id = p.location_id
       GROUP BY p.tenant_id, p.sku, p.location_id, p.on_hand, p.reserved
      HAVING p.on_hand <> coalesce(sum(m.on_hand_delta), 0) OR p.reserved <> coalesce(sum(m.reserved_delta), 0)`);
    expect(drift).toEqual([]);
    const held = await query('inventory', `SELECT line_id, status FROM reservations WHERE order_id = $1 AND status IN ('held', 'confirmed')`, [orderId]);
    expect(held).toEqual([]);
  };

  const placeOrder = async (channelOrderId: string, lines: Array<{ sku: string; quantity: number }>) =>
    ok(
      'POST',
      '/v1/orders',
      { channel: 'web', channelOrderId, customerEmail: 'ada@example.com', currency: 'EUR', deliveryMethod: 'ship_to_address', shipTo: SHIP_TO, lines: lines.map((l) => ({ ...l, unitPriceMinor: 2500 })) },
      201,
    );
  const fulfillmentOf = async (orderId: string) =>
    waitFor(async () => {
      const listed = await http('GET', `/v1/fulfillments?orderId=${orderId}`);
      return listed.status === 200 && listed.body.items.length === 1 ? listed.body.items[0] : undefined;
    }, WAIT);

  beforeAll(async () => {
    cluster = await startCluster();
    inventory = new GrpcPeer<inventoryV1.InventoryServiceClient>('inventory', cluster.inventoryGrpc, 5000);
    await runWithContext({ tenantId: cluster.tenantId, correlationId: 'e2e-fulfillment-seed' }, async () => {
      warehouse = (await inventory.call('createLocation', { code: 'FUL-WH', name: 'Fulfilment warehouse', type: 'warehouse', latitude: 52.3, longitude: 4.76, capabilities: ['ship'] }))
        .location?.id as string;
      for (const sku of ['FUL-TEE', 'FUL-MUG', 'FUL-CAP']) {
        await inventory.call('createItem', { sku, name: sku, productGroup: 'e2e', unitValueMinor: 2500 });
        await inventory.call('receiveStock', { sku, locationId: warehouse, quantity: 20, reference: `seed-${sku}`, reason: 'e2e opening stock' });
      }
      secondWarehouse = (
        await inventory.call('createLocation', { code: 'FUL-WH-2', name: 'Second warehouse', type: 'warehouse', latitude: 51.92, longitude: 4.48, capabilities: ['ship'] })
      ).location?.id as string;
      await inventory.call('receiveStock', { sku: 'FUL-CAP', locationId: secondWarehouse, quantity: 20, reference: 'seed-FUL-CAP-2', reason: 'e2e opening stock' });
      store = (await inventory.call('createLocation', { code: 'FUL-STORE', name: 'Store', type: 'store', latitude: 52.37, longitude: 4.89, capabilities: ['ship', 'pickup'] }))
        .location?.id as string;
      await inventory.call('createItem', { sku: 'FUL-SOCK', name: 'FUL-SOCK', productGroup: 'e2e', unitValueMinor: 900 });
      await inventory.call('receiveStock', { sku: 'FUL-SOCK', locationId: store, quantity: 5, reference: 'seed-FUL-SOCK', reason: 'e2e opening stock' });
    });
    await ok('PUT', `/v1/fulfillment-locations/${warehouse}`, {
      dailyCapacity: 50,
      timeZone: 'Europe/Amsterdam',
      address: { name: 'Fulfilment warehouse', line1: 'Schiphol Boulevard 1', city: 'Schiphol', postalCode: '1118 BE', country: 'NL' },
    });
  }, 180_000);

  afterAll(async () => {
    inventory?.close();
    await cluster?.stop();
  }, 60_000);

  it('ships an order from the warehouse through to delivery, with a printable label, moving stock exactly once', async () => {
    const order = await placeOrder('WEB-FUL-1', [
      { sku: 'FUL-TEE', quantity: 2 },
      { sku: 'FUL-MUG', quantity: 1 },
    ]);
    const work = await fulfillmentOf(order.id);
    expect(work).toMatchObject({ status: 'created', locationId: warehouse, legType: 'ship', deliveryMethod: 'ship_to_address' });
    const queue = await ok('GET', `/v1/fulfillments?locationId=${warehouse}&status=created,accepted`);
    expect(queue.items.map((f: { id: string }) => f.id)).toContain(work.id);

    expect((await ok('POST', `/v1/fulfillments/${work.id}/accept`)).status).toBe('accepted');
    const load = await ok('GET', `/v1/fulfillment-locations/load?locationIds=${warehouse}`);
    expect(load.loads[0]).toMatchObject({ dailyCapacity: 50, acceptedToday: 1, remainingToday: 49 });

    const badPick = await http('POST', `/v1/fulfillments/${work.id}/pick`, { lines: [{ lineId: '', quantity: -1 }], status: 'picked' });
    expect(badPick.status).toBe(400);
    expect(badPick.headers.get('content-type')).toContain('application/problem+json');
    expect(badPick.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['lines.0.lineId', 'lines.0.quantity', 'status']));

    const [tee, mug] = work.lines;
    const picked = await ok('POST', `/v1/fulfillments/${work.id}/pick`, {
      lines: [
        { lineId: tee.lineId, quantity: 2 },
        { lineId: mug.lineId, quantity: 1 },
      ],
      scannedSkus: ['FUL-TEE', 'FUL-MUG', 'FUL-TEE'],
    });
    expect(picked.status).toBe('picked');
    await ok('POST', `/v1/fulfillments/${work.id}/pack`, { packages: [{ weightGrams: 1400, lengthMm: 350, widthMm: 250, heightMm: 120 }] });

    const impossible = await http('POST', `/v1/fulfillments/${work.id}/ship`, { carrierId: 'baton-freight', serviceCode: 'teleport' });
    expect(impossible.status).toBe(422);
    expect(impossible.body.code).toBe('NO_CARRIER_SERVICE');
    expect((await ok('GET', `/v1/fulfillments/${work.id}`)).status).toBe('packed');
    expect(await position('FUL-TEE')).toEqual({ onHand: 20, reserved: 2 });

    const shipped = await ok('POST', `/v1/fulfillments/${work.id}/ship`, {});
    expect(shipped.status).toBe('shipped');
    expect(shipped.shipments).toHaveLength(1);
    const [shipment] = shipped.shipments;
    expect(shipment).toMatchObject({ carrierId: expect.any(String), trackingNumber: expect.stringMatching(/^[A-Z]{2}\d{13}$/), insuredValueMinor: 7500 });

    const label = await http('GET', `/v1/shipments/${shipment.id}/label`);
    expect(label.status).toBe(200);
    expect(label.headers.get('content-type')).toContain('application/pdf');
    const pdf = label.raw.toString('latin1');
    expect(pdf.startsWith('%PDF-1.4')).toBe(true);
    expect(pdf.endsWith('%%EOF\n')).toBe(true);
    expect(pdf).toContain(`(${shipment.trackingNumber}) Tj`);
    const zpl = await http('GET', `/v1/shipments/${shipment.id}/label?format=zpl`);
    expect(zpl.raw.toString('utf8')).toContain(`^FD${shipment.trackingNumber}^FS`);

    await waitFor(async () => ((await position('FUL-TEE')).onHand === 18 ? true : undefined), WAIT);
    expect(await position('FUL-TEE')).toEqual({ onHand: 18, reserved: 0 });
    expect(await position('FUL-MUG')).toEqual({ onHand: 19, reserved: 0 });

    const update = { trackingNumber: shipment.trackingNumber, status: 'delivered', occurredAt: new Date().toISOString(), detail: 'front door' };
    expect((await ok('POST', `/v1/carriers/${shipment.carrierId}/tracking-updates`, update)).applied).toBe(true);
    expect((await ok('POST', `/v1/carriers/${shipment.carrierId}/tracking-updates`, update)).applied).toBe(false);
    expect((await ok('GET', `/v1/fulfillments/${work.id}`)).status).toBe('delivered');

    const timeline = await waitFor(async () => {
      const result = await http('GET', `/v1/orders/${order.id}/timeline`);
      const types: string[] = (result.body?.entries ?? []).map((e: { type: string }) => e.type);
      return types.includes('fulfillment.fulfillment.delivered.v1') ? types : undefined;
    }, WAIT);
    expect(timeline).toEqual(expect.arrayContaining(['fulfillment.fulfillment.created.v1', 'fulfillment.fulfillment.shipped.v1', 'fulfillment.fulfillment.delivered.v1']));
    await assertInventoryConsistent(order.id);
  });

  it('gives short-picked units back with exact quantities: inventory releases them and counts them off', async () => {
    const order = await placeOrder('WEB-FUL-2', [{ sku: 'FUL-MUG', quantity: 3 }]);
    const work = await fulfillmentOf(order.id);
    await ok('POST', `/v1/fulfillments/${work.id}/accept`);
    const picked = await ok('POST', `/v1/fulfillments/${work.id}/pick`, { lines: [{ lineId: work.lines[0].lineId, quantity: 2 }] });
    expect(picked.lines[0]).toMatchObject({ pickedQuantity: 2, shortQuantity: 1 });
    const [rejected] = await query<{ id: string; data: any }>(
      'fulfillment',
      `SELECT id, envelope->'data' AS data FROM outbox_events WHERE aggregate_id = $1 AND type = 'fulfillment.fulfillment.rejected.v1'`,
      [work.id],
    );
    expect(rejected.data).toMatchObject({ shortPick: true, partial: true, locationId: warehouse, lines: [{ lineId: work.lines[0].lineId, sku: 'FUL-MUG', quantity: 1, locationId: warehouse }] });

    const booked = await waitFor(async () => {
      const rows = await query<{ type: string; on_hand_delta: string; reserved_delta: string }>(
        'inventory',
        `SELECT type, on_hand_delta, reserved_delta FROM stock_movements WHERE reference LIKE $1 ORDER BY seq`,
        [`event/${rejected.id}/%`],
      );
      return rows.length === 2 ? rows : undefined;
    }, WAIT);
    expect(booked.map((m) => [m.type, Number(m.on_hand_delta), Number(m.reserved_delta)])).toEqual([
      ['release', 0, -1],
      ['count', -1, 0],
    ]);

    const packedOrShipped = await ok('GET', `/v1/fulfillments/${work.id}`);
    if (packedOrShipped.status === 'picked') {
      await ok('POST', `/v1/fulfillments/${work.id}/pack`, { packages: [{ weightGrams: 900, lengthMm: 200, widthMm: 200, heightMm: 200 }] });
      await ok('POST', `/v1/fulfillments/${work.id}/ship`, { strategy: 'cheapest' });
    }
    await waitFor(async () => {
      const held = await query('inventory', `SELECT id FROM reservations WHERE order_id = $1 AND status IN ('held', 'confirmed')`, [order.id]);
      return held.length === 0 ? true : undefined;
    }, WAIT);
    await assertInventoryConsistent(order.id);
  });

  it('re-sources a fulfilment short-picked to nothing to the other warehouse, which ships it', async () => {
    const order = await placeOrder('WEB-FUL-3', [{ sku: 'FUL-CAP', quantity: 2 }]);
    const first = await fulfillmentOf(order.id);
    const other = first.locationId === warehouse ? secondWarehouse : warehouse;
    await ok('POST', `/v1/fulfillments/${first.id}/accept`);
    const nothing = await ok('POST', `/v1/fulfillments/${first.id}/pick`, { lines: [{ lineId: first.lines[0].lineId, quantity: 0 }] });
    expect(nothing).toMatchObject({ status: 'rejected', rejectReason: 'short_pick' });

    const second = await waitFor(async () => {
      const listed = await http('GET', `/v1/fulfillments?orderId=${order.id}`);
      return listed.body?.items?.find((f: { locationId: string }) => f.locationId === other);
    }, WAIT);
    expect(second).toMatchObject({ status: 'created', lines: [expect.objectContaining({ sku: 'FUL-CAP', quantity: 2 })] });
    await ok('POST', `/v1/fulfillments/${second.id}/accept`);
    await ok('POST', `/v1/fulfillments/${second.id}/pick`, { lines: [{ lineId: second.lines[0].lineId, quantity: 2 }], scannedSkus: ['FUL-CAP', 'FUL-CAP'] });
    await ok('POST', `/v1/fulfillments/${second.id}/pack`, { packages: [{ weightGrams: 400, lengthMm: 200, widthMm: 150, heightMm: 100 }] });
    expect((await ok('POST', `/v1/fulfillments/${second.id}/ship`, {})).status).toBe('shipped');

    await waitFor(async () => ((await position('FUL-CAP', other)).onHand === 18 ? true : undefined), WAIT);
    expect(await position('FUL-CAP', other)).toEqual({ onHand: 18, reserved: 0 });
    expect(await position('FUL-CAP', first.locationId)).toEqual({ onHand: 18, reserved: 0 });
    await assertInventoryConsistent(order.id);
  });

  it('ships from a store when the store has the goods (ship-from-store)', async () => {
    const order = await placeOrder('WEB-FUL-4', [{ sku: 'FUL-SOCK', quantity: 2 }]);
    const work = await fulfillmentOf(order.id);
    expect(work).toMatchObject({ locationId: store, legType: 'ship', deliveryMethod: 'ship_to_address' });
    await ok('POST', `/v1/fulfillments/${work.id}/accept`);
    await ok('POST', `/v1/fulfillments/${work.id}/pick`, { lines: [{ lineId: work.lines[0].lineId, quantity: 2 }] });
    await ok('POST', `/v1/fulfillments/${work.id}/pack`, { packages: [{ weightGrams: 200, lengthMm: 150, widthMm: 100, heightMm: 50 }] });
    const shipped = await ok('POST', `/v1/fulfillments/${work.id}/ship`, { strategy: 'fastest' });
    expect(shipped.shipments).toHaveLength(1);
    await ok('POST', `/v1/carriers/${shipped.shipments[0].carrierId}/tracking-updates`, {
      trackingNumber: shipped.shipments[0].trackingNumber,
      status: 'delivered',
      occurredAt: new Date().toISOString(),
    });
    expect((await ok('GET', `/v1/fulfillments/${work.id}`)).status).toBe('delivered');
    await waitFor(async () => ((await position('FUL-SOCK', store)).onHand === 3 ? true : undefined), WAIT);
    expect(await position('FUL-SOCK', store)).toEqual({ onHand: 3, reserved: 0 });
    await assertInventoryConsistent(order.id);
  });

  it('survives fulfillment crashing while it ships: one shipment, one stock movement, no event lost', async () => {
    const before = await position('FUL-TEE');
    const order = await placeOrder('WEB-FUL-5', [{ sku: 'FUL-TEE', quantity: 1 }]);
    const work = await fulfillmentOf(order.id);
    await ok('POST', `/v1/fulfillments/${work.id}/accept`);
    await ok('POST', `/v1/fulfillments/${work.id}/pick`, { lines: [{ lineId: work.lines[0].lineId, quantity: 1 }] });
    await ok('POST', `/v1/fulfillments/${work.id}/pack`, { packages: [{ weightGrams: 300, lengthMm: 200, widthMm: 150, heightMm: 50 }] });

    const inFlight = http('POST', `/v1/fulfillments/${work.id}/ship`, {}).catch(() => undefined);
    await cluster.processes.get('fulfillment')?.kill();
    await inFlight;
    await cluster.restart('fulfillment');
    const after = await waitFor(async () => {
      const found = await http('GET', `/v1/fulfillments/${work.id}`);
      return found.status === 200 ? found.body : undefined;
    }, WAIT);
    if (after.status === 'packed') await ok('POST', `/v1/fulfillments/${work.id}/ship`, {});
    const shipped = await ok('GET', `/v1/fulfillments/${work.id}`);
    expect(shipped).toMatchObject({ status: 'shipped', shipments: [expect.objectContaining({ status: 'label_created' })] });
    expect((await http('POST', `/v1/fulfillments/${work.id}/ship`, {})).status).toBe(422);

    await waitFor(async () => ((await position('FUL-TEE')).onHand === before.onHand - 1 ? true : undefined), WAIT);
    const ships = await query('inventory', `SELECT id FROM stock_movements WHERE type = 'ship' AND reference LIKE $1`, [`event/%/${work.lines[0].lineId}`]);
    expect(ships).toHaveLength(1);
    expect(await position('FUL-TEE')).toEqual({ onHand: before.onHand - 1, reserved: before.reserved });
    await assertInventoryConsistent(order.id);
  });
});
