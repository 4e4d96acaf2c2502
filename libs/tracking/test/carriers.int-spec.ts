import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { trackingV1 } from '@baton/contracts';
import { InProcessEventBus } from '@baton/messaging';
import { createTestDatabase, dropTestDatabase, waitFor, withTenant } from '@baton/testing';
import { CARRIER_SIGNATURE_HEADER, CARRIER_TIMESTAMP_HEADER, CarrierPollingWorker, signatureHeader } from '../src';
import { InMemoryCarrier } from './in-memory-carrier';
import { T0, envelope, startTracking } from './tracking-fixtures';

const TENANT = 'carriers';
const SECRET = 'carrier-secret-of-at-least-24-chars';

/** An order shipped with one parcel, as fulfillment announces it. */
function shipped(carrier: string, trackingNumber: string, t0 = T0) {
  const orderId = randomUUID();
  const fulfillmentId = randomUUID();
  const lineId = randomUUID();
  return {
    orderId,
    placed: envelope(TENANT, 'orders.order.placed.v1', { type: 'order', id: orderId }, t0, {
      orderId,
      channel: 'app',
      channelOrderId: `APP-${orderId.slice(0, 6)}`,
      customerEmail: 'grace@example.com',
      deliveryMethod: 'ship_to_address',
      shipTo: { name: 'Grace', line1: 'Kade 2', city: 'Utrecht', postalCode: '3511', country: 'NL' },
      lines: [{ lineId, sku: 'BOOK', quantity: 1, unitPriceMinor: 1500, currency: 'EUR', locationId: 'loc-wh' }],
      totalMinor: 1500,
      currency: 'EUR',
    }),
    shipped: envelope(TENANT, 'fulfillment.fulfillment.shipped.v1', { type: 'fulfillment', id: fulfillmentId }, t0 + 1000, {
      fulfillmentId,
      orderId,
      locationId: 'loc-wh',
      lines: [{ lineId, sku: 'BOOK', quantity: 1 }],
      shipments: [{ shipmentId: randomUUID(), carrier, service: 'standard', trackingNumber }],
    }),
  };
}

describe('carrier tracking ingest: signed webhooks and polling', () => {
  let databaseUrl: string;
  let tracking: Awaited<ReturnType<typeof startTracking>>;
  const bus = new InProcessEventBus();
  const slowpost = new InMemoryCarrier('slowpost');

  const as = <T>(fn: (client: typeof tracking.client) => Promise<T>) => withTenant(TENANT, () => fn(tracking.client));
  const status = (orderId: string) => as((client) => client.call('getOrderStatus', { scope: undefined, orderId })).then((r) => r.order as trackingV1.OrderStatus);

  /** A webhook call as the carrier makes it: the body and its signature headers. */
  const webhook = (carrier: string, body: unknown, options: { secret?: string; at?: Date } = {}) => {
    const raw = Buffer.from(JSON.stringify(body));
    const timestamp = Math.floor((options.at ?? new Date()).getTime() / 1000);
    return as((client) =>
      client.call('ingestCarrierTracking', {
        carrier,
        headers: {
          [CARRIER_TIMESTAMP_HEADER]: String(timestamp),
          [CARRIER_SIGNATURE_HEADER]: signatureHeader(options.secret ?? SECRET, timestamp, raw),
          'content-type': 'application/json',
        },
        body: raw,
      }),
    );
  };
  const scan = (trackingNumber: string, code: string, atMs: number, extra: Record<string, unknown> = {}) => ({
    trackingNumber,
    code,
    description: `${code} scan`,
    place: { city: 'Utrecht', country: 'NL' },
    occurredAt: new Date(atMs).toISOString(),
    ...extra,
  });

  beforeAll(async () => {
    databaseUrl = await createTestDatabase('tracking carriers');
    tracking = await startTracking({ databaseUrl, bus, carriers: { pollers: [slowpost] } });
    await as((client) => client.call('configureCarrierTracking', { carrier: 'dhl', secret: SECRET }));
  });

  afterAll(async () => {
    await tracking?.close();
    await bus.close();
    if (databaseUrl) await dropTestDatabase(databaseUrl);
  });

  it('refuses webhooks that are unsigned, wrongly signed, stale, or from an unconfigured carrier', async () => {
    const body = { scans: [scan('JD0001', 'in_transit', T0)] };
    await expect(webhook('dhl', body, { secret: 'x'.repeat(30) })).rejects.toMatchObject({ code: 'CARRIER_SIGNATURE_INVALID' });
    await expect(webhook('dhl', body, { at: new Date(Date.now() - 10 * 60_000) })).rejects.toMatchObject({
      code: 'CARRIER_SIGNATURE_INVALID',
      details: { check: 'stale' },
    });
    await expect(
      as((client) => client.call('ingestCarrierTracking', { carrier: 'dhl', headers: {}, body: Buffer.from(JSON.stringify(body)) })),
    ).rejects.toMatchObject({ code: 'CARRIER_SIGNATURE_INVALID', details: { check: 'missing' } });
    await expect(webhook('ups', body)).rejects.toMatchObject({ code: 'CARRIER_NOT_CONFIGURED' });
    await expect(withTenant('elsewhere', () => tracking.client.call('ingestCarrierTracking', { carrier: 'dhl', headers: {}, body: Buffer.from('{}') }))).rejects.toMatchObject({
      code: 'CARRIER_NOT_CONFIGURED',
    });
  });

  it('refuses a malformed payload naming each bad field, taking none of its scans', async () => {
    const problem = webhook('dhl', { scans: [scan('JD0002', 'in_transit', T0), scan('??', 'teleported', T0, { occurredAt: 'soon' })] });
    await expect(problem).rejects.toMatchObject({ code: 'CARRIER_PAYLOAD_INVALID' });
    const error = (await problem.catch((e: unknown) => e)) as { violations: Array<{ field: string }> };
    expect(error.violations.map((v) => v.field).sort()).toEqual(['scans.1.code', 'scans.1.occurredAt', 'scans.1.trackingNumber']);
    const order = shipped('dhl', 'JD0002');
    await bus.publish(order.placed);
    await bus.publish(order.shipped);
    expect((await status(order.orderId)).shipments[0].scans).toEqual([]);
  });

  it('takes each scan once, places it on the order even when it came first, and closes the shipment on delivery', async () => {
    const order = shipped('dhl', 'JD0003');
    const early = { scans: [scan('JD0003', 'info_received', T0 + 500, { scanId: 'dhl-1' })] };
    expect(await webhook('dhl', early)).toEqual({ accepted: 1, duplicates: 0 });
    expect(await webhook('dhl', early)).toEqual({ accepted: 0, duplicates: 1 });

    await bus.publish(order.placed);
    await bus.publish(order.shipped);
    const later = { scans: [scan('JD0003', 'out_for_delivery', T0 + 3000), scan('JD0003', 'in_transit', T0 + 2000)] };
    expect(await webhook('dhl', later)).toEqual({ accepted: 2, duplicates: 0 });
    expect(await webhook('dhl', later)).toEqual({ accepted: 0, duplicates: 2 });
    let current = await waitFor(async () => {
      const s = await status(order.orderId);
      return s.shipments[0]?.scans.length === 3 ? s : undefined;
    });
    expect(current.status).toBe('out_for_delivery');
    expect(current.shipments[0].scans.map((s) => s.code)).toEqual(['info_received', 'in_transit', 'out_for_delivery']);

    await webhook('dhl', { scans: [scan('JD0003', 'delivered', T0 + 4000)] });
    current = await waitFor(async () => {
      const s = await status(order.orderId);
      return s.shipments[0]?.status === 'delivered' ? s : undefined;
    });
    expect(current.status).toBe('delivered');
    expect(current.shipments[0].deliveredAt).toBe(new Date(T0 + 4000).toISOString());
    const timeline = await as((client) => client.call('getTimeline', { scope: undefined, orderId: order.orderId }));
    expect(timeline.entries.filter((e) => e.type === 'tracking.shipment.scanned.v1').map((e) => e.actor)).toEqual(
      Array(4).fill('carrier:dhl'),
    );
  });

  it('polls carriers without webhooks for open parcels only, and stops once a parcel is delivered', async () => {
    // Pollers ask only about parcels shipped recently, so this journey happens now.
    const now = Date.now() - 60_000;
    const order = shipped('slowpost', 'SP0001', now);
    const other = shipped('dhl', 'JD0004', now);
    for (const event of [order.placed, order.shipped, other.placed, other.shipped]) await bus.publish(event);
    slowpost.scan({ trackingNumber: 'SP0001', code: 'in_transit', description: 'Sorted', place: { city: 'Gouda', country: 'NL' }, occurredAt: new Date(now + 2000).toISOString() });
    const worker = tracking.service.app.get(CarrierPollingWorker);

    expect(await worker.pollAll()).toBe(1);
    expect(slowpost.polls.at(-1)).toEqual(['SP0001']);
    expect(await worker.pollAll()).toBe(0);

    slowpost.scan({ trackingNumber: 'SP0001', code: 'delivered', description: 'Delivered', place: { city: 'Gouda', country: 'NL' }, occurredAt: new Date(now + 5000).toISOString() });
    expect(await worker.pollAll()).toBe(1);
    const delivered = await waitFor(async () => {
      const s = await status(order.orderId);
      return s.status === 'delivered' ? s : undefined;
    });
    expect(delivered.shipments[0].scans.map((s) => s.code)).toEqual(['in_transit', 'delivered']);

    const pollsBefore = slowpost.polls.length;
    expect(await worker.pollAll()).toBe(0);
    expect(slowpost.polls).toHaveLength(pollsBefore);
  });
});
