import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { inventoryV1 } from '@baton/contracts';
import { GrpcPeer, runWithContext } from '@baton/platform';
import { describeWithNats, waitFor } from '@baton/testing';
import { Cluster, startCluster } from './cluster';
import { HookReceiver, SseClient } from './tracking-support';

interface HttpResult {
  status: number;
  body: any;
  headers: Headers;
}

const WAIT = { timeoutMs: 30_000, intervalMs: 200 };
const CARRIER_SECRET = `carrier-${randomBytes(16).toString('hex')}`;
const PUBLIC_LIMIT = 40;

function hmac(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** Verifies a Baton webhook the way a subscriber would: HMAC-SHA256 over "<timestamp>.<body>". */
function validSignature(secret: string, headers: Record<string, unknown>, body: string): boolean {
  const timestamp = String(headers['baton-webhook-timestamp']);
  const given = String(headers['baton-webhook-signature']).replace(/^v1=/, '');
  const expected = hmac(secret, timestamp, body);
  return given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

describeWithNats('tracking journey: one order from placement to refund, live, with webhooks, six real processes', () => {
  let cluster: Cluster;
  let inventory: GrpcPeer<inventoryV1.InventoryServiceClient>;
  let store: string;
  let receiverUrl: string;
  const receiver = new HookReceiver();
  let stream: SseClient;
  let orderId: string;
  let parcel: { carrier: string; trackingNumber: string };
  let allHooks: { id: string; secret: string };

  const http = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<HttpResult> => {
    const response = await fetch(`${cluster.gatewayUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${cluster.apiKey}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
  };
  const ok = async (method: string, path: string, body?: unknown, status = 200): Promise<any> => {
    const result = await http(method, path, body);
    if (result.status !== status) throw new Error(`${method} ${path} answered ${result.status}: ${JSON.stringify(result.body)}`);
    return result.body;
  };
  const statusOf = async () => (await ok('GET', `/v1/orders/${orderId}/status`)).status as string;
  const reaches = (status: string) => waitFor(async () => ((await statusOf()) === status ? true : undefined), { ...WAIT, message: status });
  /** Waits until the SSE stream told of `status`, and returns how many steps it had sent by then. */
  const streamed = (status: string) =>
    waitFor(() => (stream.of('status').some((e) => e.data.status === status) ? stream.of('step').length : undefined), {
      ...WAIT,
      message: `SSE status ${status}`,
    });
  /** Posts one carrier scan, signed like the carrier would, happening now. */
  const scan = async (code: string, extra: Record<string, unknown> = {}) => {
    const body = JSON.stringify({
      scans: [
        {
          trackingNumber: parcel.trackingNumber,
          code,
          description: `${code} scan`,
          place: { city: 'Utrecht', country: 'NL' },
          occurredAt: new Date().toISOString(),
          ...extra,
        },
      ],
    });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const response = await fetch(`${cluster.gatewayUrl}/v1/carriers/${parcel.carrier}/tracking?tenant=${cluster.tenantId}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'baton-carrier-timestamp': timestamp,
        'baton-carrier-signature': `v1=${hmac(CARRIER_SECRET, timestamp, body)}`,
      },
      body,
    });
    return { status: response.status, body: (await response.json()) as any };
  };

  beforeAll(async () => {
    receiverUrl = await receiver.start();
    cluster = await startCluster({
      env: {
        tracking: {
          TRACKING_WEBHOOK_MAX_ATTEMPTS: '5',
          TRACKING_WEBHOOK_BACKOFF_INITIAL_MS: '100',
          TRACKING_WEBHOOK_BACKOFF_MAX_MS: '400',
          TRACKING_WEBHOOK_POLL_MS: '100',
        },
        gateway: { GATEWAY_PUBLIC_RATE_LIMIT_PER_MINUTE: String(PUBLIC_LIMIT) },
      },
    });
    inventory = new GrpcPeer<inventoryV1.InventoryServiceClient>('inventory', cluster.inventoryGrpc, 5000);
    await runWithContext({ tenantId: cluster.tenantId, correlationId: 'e2e-tracking-seed' }, async () => {
      const make = async (code: string, type: string, capabilities: string[]) =>
        (await inventory.call('createLocation', { code, name: code, type, latitude: 52.37, longitude: 4.89, capabilities })).location?.id as string;
      const warehouse = await make('TRK-WH', 'warehouse', ['ship']);
      store = await make('TRK-STORE', 'store', ['pickup', 'accept_returns']);
      await inventory.call('createItem', { sku: 'TRK-SHIRT', name: 'Shirt', productGroup: 'e2e', unitValueMinor: 2500 });
      await inventory.call('receiveStock', { sku: 'TRK-SHIRT', locationId: warehouse, quantity: 20, reference: 'seed', reason: 'e2e opening stock' });
    });
    await ok('PUT', '/v1/webhooks/settings', { allowPrivateUrls: true });
  }, 180_000);

  afterAll(async () => {
    await stream?.close();
    inventory?.close();
    await cluster?.stop();
    await receiver.stop();
  }, 60_000);

  it('refuses a loopback webhook URL until the tenant allows it, naming the field', async () => {
    await ok('PUT', '/v1/webhooks/settings', { allowPrivateUrls: false });
    const refused = await http('POST', '/v1/webhooks', { url: `${receiverUrl}/nope`, eventTypes: ['*'] });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ code: 'WEBHOOK_URL_REFUSED', errors: [{ field: 'url' }] });
    const badType = await http('POST', '/v1/webhooks', { url: 'https://hooks.example.com/x', eventTypes: ['orders.order.teleported.v1'], status: 'on' });
    expect(badType.status).toBe(400);
    expect((await ok('GET', '/v1/webhooks')).items).toEqual([]);
    await ok('PUT', '/v1/webhooks/settings', { allowPrivateUrls: true });
  });

  it('follows an order placed → shipped → scanned → delivered → returned → refunded, live over SSE and on the timeline', async () => {
    const all = await ok('POST', '/v1/webhooks', { url: `${receiverUrl}/all`, eventTypes: ['*'], description: 'everything' }, 201);
    allHooks = { id: all.subscription.id, secret: all.secret };
    receiver.respond = (path, earlier) => (path === '/flaky' && earlier < 3 ? 500 : 200);
    await ok('POST', '/v1/webhooks', { url: `${receiverUrl}/flaky`, eventTypes: ['orders.order.placed.v1'] }, 201);

    const placed = await ok(
      'POST',
      '/v1/orders',
      {
        channel: 'web',
        channelOrderId: 'WEB-TRK-1',
        customerEmail: 'Grace.Hopper@example.com',
        currency: 'EUR',
        deliveryMethod: 'ship_to_address',
        shipTo: { name: 'Grace Hopper', line1: 'Kade 2', city: 'Utrecht', postalCode: '3511', country: 'NL' },
        lines: [{ sku: 'TRK-SHIRT', quantity: 2, unitPriceMinor: 2500 }],
      },
      201,
    );
    orderId = placed.id;
    stream = new SseClient(`${cluster.gatewayUrl}/v1/orders/${orderId}/events`, { authorization: `Bearer ${cluster.apiKey}` });
    await stream.open();
    expect(stream.status).toBe(200);
    expect(stream.contentType).toContain('text/event-stream');
    await reaches('processing');
    const beforeShipping = await streamed('processing');

    const [fulfillment] = await waitFor(async () => {
      const listed = await http('GET', `/v1/fulfillments?orderId=${orderId}`);
      return listed.status === 200 && listed.body.items.length > 0 ? listed.body.items : undefined;
    }, WAIT);
    await ok('POST', `/v1/fulfillments/${fulfillment.id}/accept`);
    await ok('POST', `/v1/fulfillments/${fulfillment.id}/pick`, {
      lines: fulfillment.lines.map((l: any) => ({ lineId: l.lineId, quantity: l.quantity })),
    });
    await ok('POST', `/v1/fulfillments/${fulfillment.id}/pack`, { packages: [{ weightGrams: 800, lengthMm: 300, widthMm: 200, heightMm: 100 }] });
    await ok('POST', `/v1/fulfillments/${fulfillment.id}/ship`, {});
    await reaches('shipped');
    expect(await streamed('shipped')).toBeGreaterThan(beforeShipping);
    const shipped = await ok('GET', `/v1/orders/${orderId}/status`);
    expect(shipped.shipments).toHaveLength(1);
    parcel = { carrier: shipped.shipments[0].carrier, trackingNumber: shipped.shipments[0].trackingNumber };

    await ok('PUT', `/v1/carriers/${parcel.carrier}/tracking/settings`, { secret: CARRIER_SECRET });
    expect((await scan('in_transit')).body).toEqual({ accepted: 1, duplicates: 0 });
    expect((await scan('out_for_delivery')).status).toBe(200);
    await reaches('out_for_delivery');
    const beforeDelivery = await streamed('out_for_delivery');
    expect(beforeDelivery).toBeGreaterThan(0);
    expect((await scan('delivered')).status).toBe(200);
    await reaches('delivered');
    expect(await streamed('delivered')).toBeGreaterThan(beforeDelivery);

    await waitFor(async () => {
      const returnable = await http('GET', `/v1/orders/${orderId}/returnable`);
      return returnable.status === 200 && returnable.body.lines.every((l: any) => l.eligibleQuantity === l.orderedQuantity) ? true : undefined;
    }, WAIT);
    const order = await ok('GET', `/v1/orders/${orderId}`);
    const rma = await ok(
      'POST',
      '/v1/returns',
      { orderId, method: 'in_store', locationId: store, createdBy: 'store', lines: [{ lineId: order.lines[0].id, quantity: 2, reasonCode: 'changed_mind' }] },
      201,
    );
    const received = await ok('POST', `/v1/returns/${rma.id}/receive`, {
      receiptId: `till-${rma.id.slice(0, 8)}`,
      locationId: store,
      lines: [{ lineId: order.lines[0].id, quantity: 2 }],
    });
    await ok('POST', `/v1/returns/${rma.id}/inspect`, { grades: received.units.map((u: any) => ({ unitId: u.id, grade: 'resellable' })) });
    const completed = await ok('POST', `/v1/returns/${rma.id}/dispose`, {});
    await reaches('returned');
    await streamed('returned');
    await ok('POST', `/v1/returns/${rma.id}/refund-confirmation`, { refundId: completed.refund.id, outcome: 'succeeded', paymentReference: 'psp-trk-1' });
    await reaches('refunded');
    await streamed('refunded');

    const final = await ok('GET', `/v1/orders/${orderId}/status`);
    expect(final).toMatchObject({ status: 'refunded', channelOrderId: 'WEB-TRK-1', atRisk: false });
    expect(final.lines[0]).toMatchObject({ status: 'refunded', shippedQuantity: 2, deliveredQuantity: 2, returnedQuantity: 2, refundedQuantity: 2 });
    expect(final.shipments[0]).toMatchObject({ status: 'delivered', leg: 'customer' });
    expect(final.shipments[0].scans.map((s: any) => s.code)).toEqual(['in_transit', 'out_for_delivery', 'delivered']);
    expect(final.returns[0]).toMatchObject({ returnId: rma.id, status: 'completed' });
    expect(final.refunds[0]).toMatchObject({ status: 'refunded', amountMinor: completed.refund.amountMinor });

    const timeline = await ok('GET', `/v1/orders/${orderId}/timeline`);
    const types: string[] = timeline.entries.map((e: any) => e.type);
    const firstOf = (type: string) => {
      const index = types.indexOf(type);
      if (index < 0) throw new Error(`${type} is not on the timeline: ${types.join(', ')}`);
      return index;
    };
    const milestones = [
      'orders.order.placed.v1',
      'fulfillment.fulfillment.shipped.v1',
      'tracking.shipment.scanned.v1',
      'fulfillment.fulfillment.delivered.v1',
      'returns.return.received.v1',
      'returns.refund.settled.v1',
    ];
    const positions = milestones.map(firstOf);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const times = timeline.entries.map((e: any) => e.occurredAt);
    expect([...times].sort()).toEqual(times);
    expect(new Set(timeline.entries.map((e: any) => e.service))).toEqual(new Set(['orders', 'inventory', 'fulfillment', 'tracking', 'returns']));
    expect(timeline.entries.filter((e: any) => e.type === 'tracking.shipment.scanned.v1').map((e: any) => e.actor)).toEqual(
      Array(3).fill(`carrier:${parcel.carrier}`),
    );

    // Every step reached the stream exactly once, with its event id as the SSE id.
    await waitFor(() => (stream.of('step').length >= timeline.entries.length ? true : undefined), WAIT);
    const streamedIds = stream.of('step').map((e) => e.id);
    expect(new Set(streamedIds).size).toBe(streamedIds.length);
    expect(new Set(streamedIds)).toEqual(new Set(timeline.entries.map((e: any) => e.eventId)));
    const statuses = stream.of('status').map((e) => e.data.status);
    const expected = ['processing', 'shipped', 'out_for_delivery', 'delivered', 'returned', 'refunded'];
    expect(statuses.filter((s) => expected.includes(s))).toEqual(expected);
  });

  it('resumes the stream after the Last-Event-ID a client reconnects with', async () => {
    const timeline = await ok('GET', `/v1/orders/${orderId}/timeline`);
    const middle = timeline.entries[Math.floor(timeline.entries.length / 2)];
    const resumed = new SseClient(`${cluster.gatewayUrl}/v1/orders/${orderId}/events`, {
      authorization: `Bearer ${cluster.apiKey}`,
      'last-event-id': middle.eventId,
    });
    await resumed.open();
    const after = timeline.entries.slice(timeline.entries.indexOf(middle) + 1).map((e: any) => e.eventId);
    await waitFor(() => (resumed.of('status').length > 0 ? true : undefined), WAIT);
    await resumed.close();
    expect(resumed.of('step').map((e) => e.id)).toEqual(after);
  });

  it('delivered every event of the journey to the subscriber once, signed; the flaky one got it on the fourth try', async () => {
    const timeline = await ok('GET', `/v1/orders/${orderId}/timeline`);
    const ids: string[] = timeline.entries.map((e: any) => e.eventId);
    const log = await waitFor(async () => {
      const page = await ok('GET', `/v1/webhooks/${allHooks.id}/deliveries?limit=100`);
      const done = page.items.filter((d: any) => ids.includes(d.eventId));
      return done.length === ids.length && done.every((d: any) => d.status === 'delivered') ? page.items : undefined;
    }, WAIT);
    expect(log.every((d: any) => d.attempts === 1 && d.attemptLog[0].statusCode === 200)).toBe(true);
    const hooks = receiver.at('/all').filter((r) => ids.includes(String(r.headers['baton-event-id'])));
    expect(hooks.map((r) => r.headers['baton-event-id']).sort()).toEqual([...ids].sort());
    for (const hook of hooks) {
      expect(validSignature(allHooks.secret, hook.headers, hook.body)).toBe(true);
      expect(validSignature('whsec_not-the-secret-of-this-hook', hook.headers, hook.body)).toBe(false);
      expect(JSON.parse(hook.body).id).toBe(hook.headers['baton-event-id']);
    }

    const placedId = timeline.entries.find((e: any) => e.type === 'orders.order.placed.v1').eventId;
    const flaky = await waitFor(() => {
      const got = receiver.at('/flaky').filter((r) => r.headers['baton-event-id'] === placedId);
      return got.some((r) => r.answeredWith === 200) ? got : undefined;
    }, WAIT);
    expect(flaky.map((r) => [r.headers['baton-webhook-attempt'], r.answeredWith])).toEqual([
      ['1', 500],
      ['2', 500],
      ['3', 500],
      ['4', 200],
    ]);
  });

  it('replays a time range from the streams: every event of it again, marked as a replay', async () => {
    const timeline = await ok('GET', `/v1/orders/${orderId}/timeline`);
    const shippedAt = timeline.entries.find((e: any) => e.type === 'fulfillment.fulfillment.shipped.v1').occurredAt;
    const deliveredAt = timeline.entries.find((e: any) => e.type === 'fulfillment.fulfillment.delivered.v1').occurredAt;
    const inRange = timeline.entries.filter((e: any) => e.occurredAt >= shippedAt && e.occurredAt <= deliveredAt).map((e: any) => e.eventId);
    expect(inRange.length).toBeGreaterThan(2);

    const started = await ok('POST', `/v1/webhooks/${allHooks.id}/replays`, { from: shippedAt, to: deliveredAt }, 202);
    expect(started).toMatchObject({ status: 'pending', from: shippedAt, to: deliveredAt });
    const done = await waitFor(async () => {
      const replay = await ok('GET', `/v1/webhooks/${allHooks.id}/replays/${started.id}`);
      return replay.status === 'completed' ? replay : undefined;
    }, WAIT);
    const replayed = await waitFor(() => {
      const got = receiver.at('/all').filter((r) => r.headers['baton-webhook-replay'] === started.id);
      return got.length === done.eventsEnqueued ? got : undefined;
    }, WAIT);
    const replayedIds = replayed.map((r) => String(r.headers['baton-event-id']));
    expect(replayedIds).toEqual(expect.arrayContaining(inRange));
    for (const hook of replayed) {
      const at = JSON.parse(hook.body).occurredAt as string;
      expect(at >= shippedAt && at <= deliveredAt).toBe(true);
      expect(validSignature(allHooks.secret, hook.headers, hook.body)).toBe(true);
    }
  });

  it('finds the order for customer service by email, channel order id and tracking number', async () => {
    for (const query of [
      'email=grace.hopper%40EXAMPLE.com',
      'channelOrderId=WEB-TRK-1',
      `trackingNumber=${parcel.trackingNumber}`,
      `orderId=${orderId}`,
    ]) {
      const page = await ok('GET', `/v1/search/orders?${query}`);
      expect(page.items.map((o: any) => o.orderId)).toEqual([orderId]);
      expect(page.items[0]).toMatchObject({ status: 'refunded', customerEmail: 'grace.hopper@example.com', trackingNumbers: [parcel.trackingNumber] });
    }
    const none = await http('GET', '/v1/search/orders');
    expect(none.status).toBe(400);
    expect(none.body.code).toBe('SEARCH_CRITERION_REQUIRED');
  });

  it('refuses carrier scans that are unsigned, wrongly signed or malformed, taking none', async () => {
    const body = JSON.stringify({ scans: [{ trackingNumber: parcel.trackingNumber, code: 'exception', occurredAt: new Date().toISOString() }] });
    const post = (headers: Record<string, string>, payload = body) =>
      fetch(`${cluster.gatewayUrl}/v1/carriers/${parcel.carrier}/tracking?tenant=${cluster.tenantId}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: payload,
      });
    const timestamp = String(Math.floor(Date.now() / 1000));
    expect((await post({})).status).toBe(401);
    expect((await post({ 'baton-carrier-timestamp': timestamp, 'baton-carrier-signature': `v1=${hmac('wrong-secret', timestamp, body)}` })).status).toBe(401);
    const malformed = JSON.stringify({ scans: [{ trackingNumber: '?', code: 'lost', occurredAt: 'yesterday' }] });
    const refused = await post({ 'baton-carrier-timestamp': timestamp, 'baton-carrier-signature': `v1=${hmac(CARRIER_SECRET, timestamp, malformed)}` }, malformed);
    expect(refused.status).toBe(400);
    const problem = (await refused.json()) as any;
    expect(problem.errors.map((e: any) => e.field).sort()).toEqual(['scans.0.code', 'scans.0.occurredAt', 'scans.0.trackingNumber']);
    expect((await ok('GET', `/v1/orders/${orderId}/status`)).shipments[0].scans).toHaveLength(3);
  });

  it('tracks the parcel publicly without a key, showing status only, and rate-limits the public door', async () => {
    const response = await fetch(`${cluster.gatewayUrl}/v1/track/${parcel.trackingNumber}?tenant=${cluster.tenantId}`);
    expect(response.status).toBe(200);
    const tracked = (await response.json()) as any;
    expect(tracked).toMatchObject({ trackingNumber: parcel.trackingNumber, carrier: parcel.carrier, status: 'delivered' });
    expect(tracked.milestones.map((m: any) => m.code)).toEqual(['in_transit', 'out_for_delivery', 'delivered']);
    const text = JSON.stringify(tracked);
    for (const personal of ['Grace', 'grace.hopper', 'Kade', orderId, 'WEB-TRK-1', 'scan']) expect(text).not.toContain(personal);

    const unknown = await fetch(`${cluster.gatewayUrl}/v1/track/NOPE0000000?tenant=${cluster.tenantId}`);
    expect(unknown.status).toBe(404);
    const otherTenant = await fetch(`${cluster.gatewayUrl}/v1/track/${parcel.trackingNumber}?tenant=someone-else`);
    expect(otherTenant.status).toBe(404);

    let limited: Response | undefined;
    for (let i = 0; i < PUBLIC_LIMIT + 5 && !limited; i += 1) {
      const attempt = await fetch(`${cluster.gatewayUrl}/v1/track/${parcel.trackingNumber}?tenant=${cluster.tenantId}`);
      if (attempt.status === 429) limited = attempt;
      else expect(attempt.status).toBe(200);
    }
    expect(limited?.status).toBe(429);
    expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
