import { Client } from 'pg';
import { describeWithNats, waitFor } from '@baton/testing';
import { type Cluster, startCluster } from './cluster';

interface HttpResult {
  status: number;
  body: any;
}

/**
 * The stock network over the gateway, against the six services in their own processes: locations
 * and items, inbound supply received into stock, availability near a point, a reservation's whole
 * life (and its expiry by the sweeper), a stock feed with bad rows, and pages of the ledger. The
 * forced failure: a plan with one short line is refused as a whole and holds nothing.
 */
describeWithNats('inventory network journeys over HTTP', () => {
  let cluster: Cluster;
  const ids = new Map<string, string>();

  const http = async (method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<HttpResult> => {
    const response = await fetch(`${cluster.gatewayUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${cluster.apiKey}`,
        ...(body === undefined ? {} : { 'content-type': contentType }),
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };

  const inventoryRows = async (sql: string, params: unknown[] = []): Promise<any[]> => {
    const client = new Client({ connectionString: cluster.databases.get('inventory') });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows;
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    cluster = await startCluster({ env: { inventory: { INVENTORY_SWEEP_INTERVAL_MS: '300' } } });
    const network = [
      { code: 'E2E-WH', type: 'warehouse', latitude: 52.09, longitude: 5.12, capabilities: ['ship', 'receive_transfers'] },
      { code: 'E2E-AMS', type: 'store', latitude: 52.3731, longitude: 4.8922, capabilities: ['ship', 'pickup'] },
      { code: 'E2E-RTM', type: 'store', latitude: 51.9244, longitude: 4.4777, capabilities: ['pickup'] },
    ];
    for (const location of network) {
      const created = await http('POST', '/v1/locations', {
        ...location,
        name: location.code,
        timeZone: 'Europe/Amsterdam',
        groups: ['nl'],
        openingHours: [{ day: 'mon', opens: '09:00', closes: '18:00' }],
      });
      expect(created.status).toBe(201);
      ids.set(location.code, created.body.id);
    }
    for (const sku of ['E2E-TEE', 'E2E-MUG']) {
      expect((await http('POST', '/v1/items', { sku, name: sku, productGroup: 'e2e', unitValueMinor: 1500 })).status).toBe(201);
    }
  }, 240_000);

  afterAll(async () => {
    await cluster?.stop();
  }, 60_000);

  it('refuses an invalid location with 400 naming the fields, and stores nothing', async () => {
    const refused = await http('POST', '/v1/locations', { code: 'BAD LOC', name: '', type: 'castle', latitude: 91, longitude: 0, capabilities: ['fly'], tenant: 'x' });

    expect(refused.status).toBe(400);
    const fields = refused.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['code', 'name', 'type', 'latitude', 'tenant']));
    expect(await inventoryRows(`SELECT 1 FROM locations WHERE code = 'BAD LOC'`)).toEqual([]);
  });

  it('receives a purchase order into stock and answers availability near a point, by date', async () => {
    const eta = new Date(Date.now() + 86_400_000).toISOString();
    const po = await http('POST', '/v1/inbound', {
      kind: 'purchase_order',
      reference: 'E2E-PO-1',
      supplier: 'ACME',
      lines: [
        { lineId: '1', sku: 'E2E-TEE', locationId: ids.get('E2E-WH'), expectedQuantity: 40, eta },
        { lineId: '2', sku: 'E2E-TEE', locationId: ids.get('E2E-AMS'), expectedQuantity: 6, eta },
      ],
    });
    expect(po.status).toBe(201);
    const byTomorrow = await http('GET', `/v1/inventory/availability?sku=E2E-TEE&asOf=${encodeURIComponent(new Date(Date.now() + 2 * 86_400_000).toISOString())}`);
    expect(byTomorrow.body).toMatchObject({ totalAvailable: 0, totalAvailableByDate: 46 });

    const received = await http('POST', `/v1/inbound/${po.body.id}/receipts`, { receiptId: 'GRN-1', lines: [{ lineId: '1', quantity: 40 }, { lineId: '2', quantity: 6 }] });
    expect(received.status).toBe(200);
    expect(received.body.status).toBe('received');

    const near = await http('GET', '/v1/inventory/availability?sku=E2E-TEE&latitude=52.37&longitude=4.89&nearest=1');
    expect(near.status).toBe(200);
    expect(near.body.locations).toHaveLength(1);
    expect(near.body.locations[0]).toMatchObject({ locationCode: 'E2E-AMS', available: 6, locationType: 'store', timeZone: 'Europe/Amsterdam' });
    expect(near.body.locations[0].distanceKm).toBeLessThan(1);
    const cart = await http('POST', '/v1/inventory/availability/cart', { skus: ['E2E-TEE', 'E2E-MUG'], filter: { capabilities: ['ship'] } });
    expect(cart.body.skus.map((s: { sku: string; totalAvailable: number }) => [s.sku, s.totalAvailable])).toEqual([
      ['E2E-TEE', 46],
      ['E2E-MUG', 0],
    ]);
    const badFilter = await http('GET', '/v1/inventory/availability?sku=E2E-TEE&radiusKm=5');
    expect(badFilter.status).toBe(400);
    expect(badFilter.body.errors).toEqual([expect.objectContaining({ field: 'radiusKm' })]);
  });

  it('holds, confirms and releases a plan; refuses a plan with a short line as a whole', async () => {
    const warehouse = ids.get('E2E-WH');
    const short = await http('POST', '/v1/reservations', {
      orderId: 'E2E-ORDER-SHORT',
      lines: [
        { lineId: 'a', sku: 'E2E-TEE', locationId: warehouse, quantity: 2 },
        { lineId: 'b', sku: 'E2E-MUG', locationId: warehouse, quantity: 1 },
      ],
    });
    expect(short.status).toBe(409);
    expect(short.body).toMatchObject({ code: 'INSUFFICIENT_STOCK', details: { lines: [expect.objectContaining({ lineId: 'b', available: 0 })] } });
    expect(await inventoryRows(`SELECT 1 FROM reservations WHERE order_id = 'E2E-ORDER-SHORT'`)).toEqual([]);

    const held = await http('POST', '/v1/reservations', {
      orderId: 'E2E-ORDER-1',
      lines: [{ lineId: 'a', sku: 'E2E-TEE', locationId: warehouse, quantity: 5 }],
    });
    const confirmed = await http('POST', '/v1/reservations/E2E-ORDER-1/confirm', {});
    const released = await http('POST', '/v1/reservations/E2E-ORDER-1/release', { reference: 'r-1', lines: [{ lineId: 'a', quantity: 2 }] });
    const again = await http('POST', '/v1/reservations/E2E-ORDER-1/release', { reference: 'r-1', lines: [{ lineId: 'a', quantity: 2 }] });

    expect(held.status).toBe(200);
    expect(confirmed.body.items[0]).toMatchObject({ status: 'confirmed' });
    expect(released.body.items[0]).toMatchObject({ status: 'confirmed', releasedQuantity: 2, openQuantity: 3 });
    expect(again.body.items[0]).toMatchObject({ releasedQuantity: 2, openQuantity: 3 });
    const [position] = (await http('GET', `/v1/inventory/positions?sku=E2E-TEE&locationId=${warehouse}`)).body.items;
    expect(position).toMatchObject({ onHand: 40, reserved: 3, available: 37 });
  });

  it('expires a held reservation it was never told to confirm, announcing it', async () => {
    const store = ids.get('E2E-AMS');
    const held = await http('POST', '/v1/reservations', {
      orderId: 'E2E-ORDER-EXPIRES',
      lines: [{ lineId: 'a', sku: 'E2E-TEE', locationId: store, quantity: 1 }],
      ttlSeconds: 1,
    });
    expect(held.status).toBe(200);

    const expired = await waitFor(
      async () => {
        const { body } = await http('GET', '/v1/reservations/E2E-ORDER-EXPIRES');
        return body.items[0].status === 'expired' ? body.items[0] : undefined;
      },
      { timeoutMs: 20_000, intervalMs: 200 },
    );
    expect(expired).toMatchObject({ releasedQuantity: 1, openQuantity: 0 });
    const events = await inventoryRows(`SELECT 1 FROM outbox_events WHERE type = 'inventory.reservation.expired.v1' AND aggregate_id = 'E2E-ORDER-EXPIRES'`);
    expect(events).toHaveLength(1);
  });

  it('imports a CSV feed with bad rows once, and pages the ledger it wrote', async () => {
    const feed = ['sku,location,quantity', 'E2E-MUG,E2E-AMS,9', 'E2E-MUG,E2E-RTM,3', 'E2E-NOPE,E2E-AMS,1', 'E2E-MUG,E2E-XX,1'].join('\n');

    const first = await http('POST', '/v1/feeds?feedId=e2e-feed-1&mode=snapshot&source=pos', feed, 'text/csv');
    const repeat = await http('POST', '/v1/feeds?feedId=e2e-feed-1&mode=snapshot&source=pos', feed, 'text/csv');
    const deltas = await http(
      'POST',
      '/v1/feeds?feedId=e2e-feed-2&mode=delta',
      `${JSON.stringify({ sku: 'E2E-MUG', location: 'E2E-AMS', quantity: -4 })}\n`,
      'application/x-ndjson',
    );
    const wrongType = await http('POST', '/v1/feeds?feedId=e2e-feed-3&mode=delta', { sku: 'E2E-MUG' });

    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ rowsTotal: 4, rowsApplied: 2, rowsRejected: 2, importedNow: true });
    expect(first.body.rejections.map((r: { line: number }) => r.line)).toEqual([4, 5]);
    expect(repeat.status).toBe(200);
    expect(repeat.body.importedNow).toBe(false);
    expect(deltas.status).toBe(201);
    expect(wrongType.status).toBe(400);
    const [mugAtAms] = (await http('GET', `/v1/inventory/positions?sku=E2E-MUG&locationId=${ids.get('E2E-AMS')}`)).body.items;
    expect(mugAtAms).toMatchObject({ onHand: 5 });

    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: HttpResult = await http('GET', `/v1/inventory/movements?sku=E2E-MUG&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((m: { seq: number }) => m.seq));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(3);
  });
});
