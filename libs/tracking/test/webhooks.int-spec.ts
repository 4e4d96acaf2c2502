import 'reflect-metadata';
import type { trackingV1 } from '@baton/contracts';
import type { EventEnvelope } from '@baton/domain';
import { InProcessEventBus } from '@baton/messaging';
import { createTestDatabase, dropTestDatabase, waitFor, withTenant } from '@baton/testing';
import { WEBHOOK_HEADERS, checkSignature } from '../src';
import { T0, journey, startTracking } from './tracking-fixtures';
import { WebhookReceiver } from './webhook-receiver';

const TENANT = 'hooks';

describe('webhooks out: signed, retried with backoff, parked, logged and replayable', () => {
  let databaseUrl: string;
  let tracking: Awaited<ReturnType<typeof startTracking>>;
  let receiverUrl: string;
  const receiver = new WebhookReceiver();
  const bus = new InProcessEventBus();

  const as = <T>(fn: (client: typeof tracking.client) => Promise<T>) => withTenant(TENANT, () => fn(tracking.client));
  const subscribe = (path: string, eventTypes: string[], secret = '') =>
    as((client) => client.call('createWebhookSubscription', { url: `${receiverUrl}${path}`, eventTypes, description: path, secret }));
  const deliveries = (subscriptionId: string, status = '') =>
    as((client) => client.call('listWebhookDeliveries', { subscriptionId, status, limit: 200, pageToken: '' }));
  const settled = (subscriptionId: string, count: number, status: 'delivered' | 'parked' = 'delivered') =>
    waitFor(
      async () => {
        const log = (await deliveries(subscriptionId)).deliveries;
        return log.length === count && log.every((d) => d.status === status) ? log : undefined;
      },
      { timeoutMs: 15_000, message: `${count} deliveries ${status}` },
    );

  beforeAll(async () => {
    receiverUrl = await receiver.start();
    databaseUrl = await createTestDatabase('tracking webhooks');
    tracking = await startTracking({ databaseUrl, bus });
  });

  afterAll(async () => {
    await tracking?.close();
    await bus.close();
    await receiver.stop();
    if (databaseUrl) await dropTestDatabase(databaseUrl);
  });

  it('refuses loopback URLs and unknown event types with the field named, storing nothing', async () => {
    await expect(subscribe('/refused', ['orders.*'])).rejects.toMatchObject({
      code: 'WEBHOOK_URL_REFUSED',
      violations: [{ field: 'url', message: expect.stringContaining('127.0.0.1') }],
    });
    await as((client) => client.call('updateWebhookSettings', { allowPrivateUrls: true }));
    await expect(subscribe('/refused', ['orders.*', 'orders.order.shipped.v9'])).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      violations: [{ field: 'eventTypes.1' }],
    });
    await expect(subscribe('/refused', ['*'], 'too-short')).rejects.toMatchObject({ violations: [{ field: 'secret' }] });
    expect((await as((client) => client.call('listWebhookSubscriptions', {}))).subscriptions).toEqual([]);
  });

  it('delivers each subscribed event once, signed with the subscription secret', async () => {
    const created = await subscribe('/signed', ['orders.*', 'fulfillment.fulfillment.shipped.v1']);
    const subscription = created.subscription as trackingV1.WebhookSubscription;
    expect(created.secret).toMatch(/^whsec_/);
    expect(JSON.stringify(await as((client) => client.call('listWebhookSubscriptions', {})))).not.toContain(created.secret);

    const trip = journey(TENANT);
    for (const event of [...trip.events, ...trip.events]) await bus.publish(event);
    const wanted = trip.events.filter((e) => e.type.startsWith('orders.') || e.type === 'fulfillment.fulfillment.shipped.v1');
    await settled(subscription.id, wanted.length);

    const received = receiver.at('/signed');
    expect(received.map((r) => r.headers[WEBHOOK_HEADERS.eventId]).sort()).toEqual(wanted.map((e) => e.id).sort());
    for (const request of received) {
      const timestamp = request.headers[WEBHOOK_HEADERS.timestamp] as string;
      const signature = request.headers[WEBHOOK_HEADERS.signature] as string;
      expect(checkSignature(created.secret, timestamp, signature, request.body, new Date(), 300_000)).toBe('valid');
      expect(checkSignature('whsec_another', timestamp, signature, request.body, new Date(), 300_000)).toBe('mismatch');
      const body = JSON.parse(request.body) as EventEnvelope;
      expect(body.id).toBe(request.headers[WEBHOOK_HEADERS.eventId]);
      expect(body.type).toBe(request.headers[WEBHOOK_HEADERS.eventType]);
      expect(request.headers[WEBHOOK_HEADERS.attempt]).toBe('1');
    }
  });

  it('retries a failing receiver with backoff and delivers on the fourth attempt after three failures', async () => {
    receiver.respond = (request, before) => (request.path === '/flaky' && before < 3 ? 500 : 200);
    const subscription = (await subscribe('/flaky', ['orders.order.placed.v1'])).subscription as trackingV1.WebhookSubscription;
    const trip = journey(TENANT);
    await bus.publish(trip.events[0]);

    const [delivery] = await settled(subscription.id, 1);
    const attempts = receiver.at('/flaky');
    expect(attempts.map((r) => [r.headers[WEBHOOK_HEADERS.attempt], r.answeredWith])).toEqual([
      ['1', 500],
      ['2', 500],
      ['3', 500],
      ['4', 200],
    ]);
    expect(new Set(attempts.map((r) => r.headers[WEBHOOK_HEADERS.deliveryId]))).toEqual(new Set([delivery.id]));
    expect(delivery.attempts).toBe(4);
    expect(delivery.attemptLog.map((a) => [a.attempt, a.statusCode])).toEqual([
      [1, 500],
      [2, 500],
      [3, 500],
      [4, 200],
    ]);
    const started = delivery.attemptLog.map((a) => Date.parse(a.startedAt));
    for (let i = 1; i < started.length; i += 1) expect(started[i]).toBeGreaterThan(started[i - 1]);
  });

  it('parks a delivery after the last attempt and sends it again when asked', async () => {
    let down = true;
    receiver.respond = (request) => (request.path === '/down' && down ? 503 : 200);
    const subscription = (await subscribe('/down', ['orders.order.placed.v1'])).subscription as trackingV1.WebhookSubscription;
    await bus.publish(journey(TENANT).events[0]);

    const [parked] = await settled(subscription.id, 1, 'parked');
    expect(parked.attempts).toBe(4);
    expect(parked.attemptLog.every((a) => a.statusCode === 503 && a.error === 'HTTP 503')).toBe(true);
    expect(receiver.at('/down')).toHaveLength(4);
    const metrics = await (await fetch(`${tracking.service.httpUrl}/metrics`)).text();
    expect(metrics).toMatch(/baton_webhook_deliveries\{[^}]*status="parked"[^}]*\} 1\b/);
    await expect(
      as((client) => client.call('retryWebhookDelivery', { subscriptionId: subscription.id, deliveryId: 'f'.repeat(8) + '-0000-4000-8000-' + '0'.repeat(12) })),
    ).rejects.toMatchObject({ code: 'WEBHOOK_DELIVERY_NOT_FOUND' });

    down = false;
    await as((client) => client.call('retryWebhookDelivery', { subscriptionId: subscription.id, deliveryId: parked.id }));
    const [delivered] = await settled(subscription.id, 1);
    expect(delivered.attempts).toBe(5);
    expect(receiver.at('/down').map((r) => r.answeredWith)).toEqual([503, 503, 503, 503, 200]);
    await expect(
      as((client) => client.call('retryWebhookDelivery', { subscriptionId: subscription.id, deliveryId: parked.id })),
    ).rejects.toMatchObject({ code: 'WEBHOOK_DELIVERY_NOT_PARKED' });
  });

  it('replays a time range again, marked as a replay, and only that range', async () => {
    receiver.respond = () => 200;
    const subscription = (await subscribe('/replay', ['*'])).subscription as trackingV1.WebhookSubscription;
    const trip = journey(TENANT);
    for (const event of trip.events) await bus.publish(event);
    await settled(subscription.id, trip.events.length);

    const from = new Date(T0 + 1000).toISOString();
    const to = new Date(T0 + 3000).toISOString();
    const { replay } = await as((client) => client.call('replayWebhookEvents', { subscriptionId: subscription.id, from, to }));
    const done = await waitFor(
      async () => {
        const current = (await as((client) => client.call('getWebhookReplay', { subscriptionId: subscription.id, replayId: replay?.id as string }))).replay;
        return current?.status === 'completed' ? current : undefined;
      },
      { timeoutMs: 15_000 },
    );
    // Every tenant event in range is replayed, this journey's and earlier tests' alike.
    const replayed = await waitFor(async () => {
      const log = (await deliveries(subscription.id)).deliveries.filter((d) => d.replayId === replay?.id);
      return log.length === done.eventsEnqueued && log.every((d) => d.status === 'delivered') ? log : undefined;
    });
    const ofTrip = trip.events.filter((e) => e.occurredAt >= from && e.occurredAt <= to).map((e) => e.id);
    expect(ofTrip.length).toBeGreaterThan(3);
    expect(replayed.map((d) => d.eventId)).toEqual(expect.arrayContaining(ofTrip));
    const resent = receiver.at('/replay').filter((r) => r.headers[WEBHOOK_HEADERS.replayId] === replay?.id);
    expect(resent).toHaveLength(done.eventsEnqueued);
    for (const request of resent) {
      const occurredAt = (JSON.parse(request.body) as EventEnvelope).occurredAt;
      expect(occurredAt >= from && occurredAt <= to).toBe(true);
    }
    await expect(
      as((client) => client.call('replayWebhookEvents', { subscriptionId: subscription.id, from: to, to: from })),
    ).rejects.toMatchObject({ violations: [{ field: 'from', message: 'must not be after to' }] });
  });

  it('stops delivering to a deactivated subscription', async () => {
    const subscription = (await subscribe('/stopped', ['orders.order.placed.v1'])).subscription as trackingV1.WebhookSubscription;
    await as((client) => client.call('deactivateWebhookSubscription', { subscriptionId: subscription.id }));
    const trip = journey(TENANT);
    await bus.publish(trip.events[0]);
    const other = (await subscribe('/still-active', ['orders.order.placed.v1'])).subscription as trackingV1.WebhookSubscription;
    const second = journey(TENANT);
    await bus.publish(second.events[0]);
    await settled(other.id, 1);
    expect((await deliveries(subscription.id)).deliveries).toEqual([]);
    expect(receiver.at('/stopped')).toEqual([]);
  });

  it('sends each delivery once per attempt while two tracking replicas compete for the queue', async () => {
    const replica = await startTracking({ databaseUrl, bus: new InProcessEventBus() });
    try {
      receiver.respond = () => 200;
      const subscription = (await subscribe('/competing', ['orders.order.placed.v1'])).subscription as trackingV1.WebhookSubscription;
      const placed = Array.from({ length: 30 }, () => journey(TENANT).events[0]);
      await Promise.all(placed.map((event) => bus.publish(event)));
      await settled(subscription.id, placed.length);
      const ids = receiver.at('/competing').map((r) => r.headers[WEBHOOK_HEADERS.eventId]);
      expect(ids.sort()).toEqual(placed.map((e) => e.id).sort());
    } finally {
      await replica.close();
    }
  });
});

