import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { waitFor } from '@baton/testing';
import { type InProcessCluster, startInProcessCluster } from './gateway-in-process-cluster';

const SHOPIFY_FIXTURE = readFileSync(join(__dirname, '../../libs/gateway/test/fixtures/shopify-orders-create.json'));
const CSV_HEADER =
  'channel_order_id,customer_email,currency,ship_to_name,ship_to_line1,ship_to_city,ship_to_postal_code,ship_to_country,sku,quantity,unit_price_minor';

describe('gateway orders: idempotency keys, channel adapters and a service going down (in-process services)', () => {
  let cluster: InProcessCluster;
  let admin: string;
  let channel: string;
  const tenant = 'orders-journey';

  const orderBody = (channelOrderId: string, quantity = 1) => ({
    channel: 'web',
    channelOrderId,
    customerEmail: 'ada@example.com',
    currency: 'EUR',
    deliveryMethod: 'ship_to_address',
    shipTo: { name: 'Ada Lovelace', line1: 'Damrak 1', city: 'Amsterdam', postalCode: '1012 LG', country: 'NL' },
    lines: [{ sku: 'GW-SKU', quantity, unitPriceMinor: 2500 }],
  });
  const ordersWith = async (channelOrderId: string) =>
    (await cluster.sql<{ n: number }>('orders', `SELECT count(*)::int AS n FROM orders WHERE tenant_id = $1 AND channel_order_id = $2`, [tenant, channelOrderId]))[0].n;
  const placeWithKey = (body: unknown, idempotencyKey: string) =>
    cluster.request('POST', '/v1/orders', { key: channel, body, headers: { 'Idempotency-Key': idempotencyKey } });

  beforeAll(async () => {
    cluster = await startInProcessCluster();
    admin = (await cluster.request('POST', '/v1/admin/tenants', { body: { id: tenant, name: 'Orders journey' } })).body.adminKey.key;
    channel = (await cluster.request('POST', '/v1/admin/api-keys', { key: admin, body: { name: 'web shop', roles: ['channel'] } })).body.key;
    await cluster.stockedLocation(tenant, 'WH-1', { 'GW-SKU': 500, IPOD2008PINK: 10, IPOD2008BLUE: 10, 'B2B-A': 100, 'B2B-B': 100 });
  }, 120_000);

  afterAll(async () => {
    await cluster?.stop();
  }, 60_000);

  it('answers 10 sequential requests with one key with one order and identical responses', async () => {
    const answers = [];
    for (let i = 0; i < 10; i++) answers.push(await placeWithKey(orderBody('IDEM-SEQ'), 'order-seq'));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect(answers.slice(1).every((a) => a.headers.get('idempotent-replayed') === 'true')).toBe(true);
    expect(await ordersWith('IDEM-SEQ')).toBe(1);
  });

  it('answers 10 concurrent requests with one key with one order: one runs, every answer is its response or 409 in flight', async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, () => placeWithKey(orderBody('IDEM-CONC'), 'order-conc')));
    const placed = answers.filter((a) => a.status === 201);
    const inFlight = answers.filter((a) => a.status === 409);
    expect(placed.length).toBeGreaterThanOrEqual(1);
    expect(placed.length + inFlight.length).toBe(10);
    expect(new Set(placed.map((a) => a.text)).size).toBe(1);
    expect(inFlight.every((a) => a.body.code === 'IDEMPOTENCY_KEY_IN_USE')).toBe(true);
    expect(await ordersWith('IDEM-CONC')).toBe(1);
    const after = await placeWithKey(orderBody('IDEM-CONC'), 'order-conc');
    expect(after.text).toBe(placed[0].text);
  });

  it('answers 422 for the same key with another body, and stores nothing for it', async () => {
    await placeWithKey(orderBody('IDEM-MISMATCH-1'), 'order-mismatch');
    const other = await placeWithKey(orderBody('IDEM-MISMATCH-2'), 'order-mismatch');
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await ordersWith('IDEM-MISMATCH-2')).toBe(0);
  });

  it('answers 409 while the first request with the key is still being placed', async () => {
    const lock = new Client({ connectionString: cluster.databases.get('orders') });
    await lock.connect();
    try {
      await lock.query('BEGIN');
      await lock.query('LOCK TABLE orders IN EXCLUSIVE MODE');
      const first = placeWithKey(orderBody('IDEM-FLIGHT'), 'order-flight');
      await waitFor(
        async () =>
          (await cluster.sql('gateway', `SELECT 1 FROM idempotency_keys WHERE key = 'order-flight' AND state = 'in_flight'`)).length === 1,
      );
      const during = await placeWithKey(orderBody('IDEM-FLIGHT'), 'order-flight');
      expect(during.status).toBe(409);
      expect(during.body.code).toBe('IDEMPOTENCY_KEY_IN_USE');
      await lock.query('COMMIT');
      expect((await first).status).toBe(201);
      expect(await ordersWith('IDEM-FLIGHT')).toBe(1);
    } finally {
      await lock.end();
    }
  });

  describe('Shopify order webhook', () => {
    let webhookPath: string;
    const secret = 'shpss_gateway_e2e_secret_0123456789';
    const sign = (body: Buffer, key = secret) => createHmac('sha256', key).update(body).digest('base64');
    const deliver = (body: Buffer, signature: string, path = webhookPath) =>
      cluster.request('POST', path, {
        key: null,
        raw: body,
        headers: { 'content-type': 'application/json', 'x-shopify-hmac-sha256': signature, 'x-shopify-topic': 'orders/create' },
      });

    beforeAll(async () => {
      const connection = await cluster.request('POST', '/v1/admin/channel-connections', {
        key: admin,
        body: { type: 'shopify', name: 'US shop', sharedSecret: secret },
      });
      expect(connection.status).toBe(201);
      expect(connection.text).not.toContain(secret);
      webhookPath = connection.body.webhookPath;
    });

    it("places the right order from Shopify's payload with a valid HMAC; a re-delivery is the same order", async () => {
      const placed = await deliver(SHOPIFY_FIXTURE, sign(SHOPIFY_FIXTURE));
      expect(placed.status).toBe(201);
      expect(placed.body).toMatchObject({
        channel: 'shopify',
        channelOrderId: '820982911946154508',
        customerEmail: 'jon@example.com',
        currency: 'EUR',
        totalMinor: 19900 + 2 * 9950,
        shipTo: { name: 'Steve Shipper', line1: 'Damrak 1', city: 'Amsterdam', postalCode: '1012 LG', country: 'NL' },
      });
      expect(placed.body.lines.map((l: { sku: string; quantity: number; unitPriceMinor: number }) => [l.sku, l.quantity, l.unitPriceMinor])).toEqual([
        ['IPOD2008PINK', 1, 19900],
        ['IPOD2008BLUE', 2, 9950],
      ]);
      const again = await deliver(SHOPIFY_FIXTURE, sign(SHOPIFY_FIXTURE));
      expect(again.status).toBe(200);
      expect(again.body.id).toBe(placed.body.id);
      expect(await ordersWith('820982911946154508')).toBe(1);
    });

    it('refuses a wrong signature, a tampered body and an unknown connection (401), placing nothing', async () => {
      const tampered = Buffer.from(SHOPIFY_FIXTURE.toString('utf8').replace('"IPOD2008PINK"', '"IPOD2008BLUE"').replace('820982911946154508"', '820982911946154999"'));
      const answers = [
        await deliver(SHOPIFY_FIXTURE, sign(SHOPIFY_FIXTURE, 'not-the-secret-at-all')),
        await deliver(tampered, sign(SHOPIFY_FIXTURE)),
        await deliver(SHOPIFY_FIXTURE, ''),
        await deliver(SHOPIFY_FIXTURE, sign(SHOPIFY_FIXTURE), '/v1/channels/shopify/00000000-0000-4000-8000-000000000000/orders'),
      ];
      expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 401]);
      expect(answers.every((a) => a.body.code === 'WEBHOOK_SIGNATURE_INVALID')).toBe(true);
      expect(await ordersWith('820982911946154999')).toBe(0);
    });

    it('refuses a signed payload it cannot map (400 naming the Shopify fields), placing nothing', async () => {
      const payload = JSON.parse(SHOPIFY_FIXTURE.toString('utf8'));
      payload.admin_graphql_api_id = 'gid://shopify/Order/77';
      payload.line_items[0].sku = '';
      const body = Buffer.from(JSON.stringify(payload));
      const refused = await deliver(body, sign(body));
      expect(refused.status).toBe(400);
      expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual(['line_items.0.sku']);
      expect(await ordersWith('77')).toBe(0);
    });
  });

  describe('CSV batch import', () => {
    const row = (id: string, sku: string, quantity: number | string) =>
      `${id},buyer@shop.example,EUR,Shop Utrecht,Oudegracht 1,Utrecht,3511 AB,NL,${sku},${quantity},1250`;
    const importCsv = (csv: string) =>
      cluster.request('POST', '/v1/orders/import?channel=b2b', { key: channel, raw: csv, headers: { 'content-type': 'text/csv' } });

    it('places each good order, reports each bad one with its rows, and is idempotent by channel order id', async () => {
      const csv = [
        CSV_HEADER,
        row('B2B-GOOD', 'B2B-A', 3),
        row('B2B-BAD', 'B2B-A', 0),
        row('B2B-GOOD', 'B2B-B', 2),
        row('B2B-SHORT', 'B2B-B', 100000),
      ].join('\r\n');
      const first = await importCsv(csv);
      expect(first.status).toBe(200);
      expect(first.body.summary).toEqual({ orders: 3, created: 1, existing: 0, rejected: 2 });
      const byId = Object.fromEntries(first.body.orders.map((o: { channelOrderId: string }) => [o.channelOrderId, o]));
      expect(byId['B2B-GOOD']).toMatchObject({ rows: [2, 4], outcome: 'created' });
      expect(byId['B2B-BAD']).toMatchObject({ rows: [3], outcome: 'rejected', errors: [{ row: 3, field: 'quantity' }] });
      expect(byId['B2B-SHORT'].outcome).toBe('rejected');
      expect(byId['B2B-SHORT'].errors[0].message).toContain('INSUFFICIENT_STOCK');
      const placed = await cluster.request('GET', `/v1/orders/${byId['B2B-GOOD'].orderId}`, { key: channel });
      expect(placed.body.lines.map((l: { sku: string; quantity: number }) => [l.sku, l.quantity])).toEqual([
        ['B2B-A', 3],
        ['B2B-B', 2],
      ]);
      const again = await importCsv(csv);
      expect(again.body.summary).toEqual({ orders: 3, created: 0, existing: 1, rejected: 2 });
      expect(await ordersWith('B2B-GOOD')).toBe(1);
      expect(await ordersWith('B2B-BAD')).toBe(0);
      expect(await ordersWith('B2B-SHORT')).toBe(0);
    });

    it('refuses a file with an unknown column (400) and places nothing', async () => {
      const refused = await importCsv([`${CSV_HEADER},status`, `${row('B2B-EVIL', 'B2B-A', 1)},shipped`].join('\n'));
      expect(refused.status).toBe(400);
      expect(refused.body.errors[0].field).toBe('status');
      expect(await ordersWith('B2B-EVIL')).toBe(0);
    });
  });

  it('answers 503 quickly once the orders service is stopped (the deadline is not waited for)', async () => {
    await cluster.stopService('orders');
    const started = Date.now();
    const placed = await placeWithKey(orderBody('AFTER-STOP'), 'after-stop');
    const elapsed = Date.now() - started;
    expect(placed.status).toBe(503);
    expect(placed.body.code).toBe('SERVICE_UNAVAILABLE');
    // The key was given back: a retry after the service is back can use it.
    expect(await cluster.sql('gateway', `SELECT 1 FROM idempotency_keys WHERE key = 'after-stop'`)).toEqual([]);
    process.stdout.write(`503 after stopping orders answered in ${elapsed} ms (GRPC_TIMEOUT_MS 5000)\n`);
  });
});
