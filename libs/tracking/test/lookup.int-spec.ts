import 'reflect-metadata';
import type { trackingV1 } from '@baton/contracts';
import { InProcessEventBus } from '@baton/messaging';
import { createTestDatabase, dropTestDatabase, withTenant } from '@baton/testing';
import { journey, scanEvent, startTracking, type Journey } from './tracking-fixtures';

const TENANT = 'lookup';

describe('customer-service look-up, public parcel tracking and live watches', () => {
  let databaseUrl: string;
  let tracking: Awaited<ReturnType<typeof startTracking>>;
  const bus = new InProcessEventBus();
  let delivered: Journey;
  let travelling: Journey;

  const search = (request: Partial<trackingV1.SearchOrdersRequest>, tenant = TENANT) =>
    withTenant(tenant, () =>
      tracking.client.call('searchOrders', {
        orderId: '',
        channelOrderId: '',
        email: '',
        phone: '',
        trackingNumber: '',
        limit: 0,
        pageToken: '',
        scope: undefined,
        ...request,
      }),
    );

  beforeAll(async () => {
    databaseUrl = await createTestDatabase('tracking lookup');
    tracking = await startTracking({ databaseUrl, bus });
    delivered = journey(TENANT);
    travelling = journey(TENANT, { delivered: false, promisedBy: '2025-03-01T09:00:00.000Z' });
    for (const event of [...delivered.events, ...travelling.events, ...journey('other-tenant').events]) await bus.publish(event);
  });

  afterAll(async () => {
    await tracking?.close();
    await bus.close();
    if (databaseUrl) await dropTestDatabase(databaseUrl);
  });

  it('finds an order by id, channel order id, email (any case), phone (any spacing) and tracking number', async () => {
    const criteria: Array<Partial<trackingV1.SearchOrdersRequest>> = [
      { orderId: delivered.orderId },
      { channelOrderId: delivered.channelOrderId },
      { email: `  ${delivered.email.toUpperCase()} ` },
      { phone: delivered.phone.replace(/ /g, '') },
      { phone: delivered.phone.replace(/ /g, '-') },
      { trackingNumber: delivered.parcel.trackingNumber },
    ];
    for (const criterion of criteria) {
      const { orders } = await search(criterion);
      expect(orders.map((o) => o.orderId)).toEqual([delivered.orderId]);
      expect(orders[0]).toMatchObject({
        channel: 'web',
        channelOrderId: delivered.channelOrderId,
        customerEmail: delivered.email,
        status: 'delivered',
        atRisk: false,
        trackingNumbers: [delivered.parcel.trackingNumber],
      });
    }
  });

  it('answers with the status, promise and risk of each order', async () => {
    const { orders } = await search({ orderId: travelling.orderId });
    expect(orders[0]).toMatchObject({ status: 'delayed', promisedBy: '2025-03-01T09:00:00.000Z', atRisk: true });
    const { order } = await withTenant(TENANT, () => tracking.client.call('getOrderStatus', { scope: undefined, orderId: travelling.orderId }));
    expect(order).toMatchObject({ status: 'delayed', atRisk: true, atRiskReason: 'promise_missed' });
    expect(order?.lines.map((l) => l.status)).toEqual(['delayed', 'collected']);
  });

  it('pages through many matches newest first, and refuses a search without exactly one criterion', async () => {
    const email = 'many@example.com';
    const trips = Array.from({ length: 5 }, () => journey(TENANT));
    for (const [index, trip] of trips.entries()) {
      const placed = trip.events[0] as { data: { customerEmail: string } } & (typeof trip.events)[number];
      await bus.publish({ ...placed, occurredAt: new Date(Date.parse(placed.occurredAt) + index).toISOString(), data: { ...placed.data, customerEmail: email } });
    }
    const first = await search({ email, limit: 2 });
    const second = await search({ email, limit: 2, pageToken: first.nextPageToken });
    const third = await search({ email, limit: 2, pageToken: second.nextPageToken });
    expect(third.nextPageToken).toBe('');
    expect([...first.orders, ...second.orders, ...third.orders].map((o) => o.orderId)).toEqual(trips.map((t) => t.orderId).reverse());

    await expect(search({})).rejects.toMatchObject({ code: 'SEARCH_CRITERION_REQUIRED' });
    await expect(search({ email, phone: '+3161234' })).rejects.toMatchObject({ code: 'SEARCH_CRITERION_REQUIRED' });
    await expect(search({ email, pageToken: 'garbage' })).rejects.toMatchObject({ code: 'INVALID_PAGE_TOKEN' });
  });

  it('finds nothing of another tenant', async () => {
    expect((await search({ orderId: delivered.orderId }, 'other-tenant')).orders).toEqual([]);
    expect((await search({ email: delivered.email }, 'other-tenant')).orders).toEqual([]);
  });

  it('tracks a parcel publicly with its status and milestones but nothing personal', async () => {
    const tracked = await withTenant(TENANT, () => tracking.client.call('trackShipment', { trackingNumber: delivered.parcel.trackingNumber }));
    expect(tracked).toMatchObject({ trackingNumber: delivered.parcel.trackingNumber, carrier: 'dhl', status: 'delivered', atRisk: false });
    expect(tracked.milestones.map((m) => m.code)).toEqual(['info_received', 'in_transit', 'out_for_delivery', 'delivered']);
    expect(tracked.milestones[0]).toEqual({ code: 'info_received', occurredAt: expect.any(String), city: 'Utrecht', country: 'NL' });
    const text = JSON.stringify(tracked);
    for (const personal of [delivered.email, delivered.orderId, delivered.channelOrderId, 'Damrak', 'J. Doe', 'Ada']) {
      expect(text).not.toContain(personal);
    }
    await expect(
      withTenant('other-tenant', () => tracking.client.call('trackShipment', { trackingNumber: delivered.parcel.trackingNumber })),
    ).rejects.toMatchObject({ code: 'TRACKING_NUMBER_NOT_FOUND' });
  });

  it('answers a watch as soon as a new step is recorded', async () => {
    const known = (await withTenant(TENANT, () => tracking.client.call('getTimeline', { scope: undefined, orderId: travelling.orderId }))).entries.length;
    const watching = withTenant(TENANT, () =>
      tracking.client.call('watchTimeline', { scope: undefined, orderId: travelling.orderId, knownEntries: known, waitMs: 8000 }),
    );
    let answered = false;
    void watching.then(() => (answered = true));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(answered).toBe(false);

    const step = scanEvent(TENANT, travelling.parcel, 'delivered', Date.parse(travelling.events[0].occurredAt) + 6000);
    await bus.publish(step);
    const update = await watching;
    expect(update.entries).toHaveLength(known + 1);
    expect(update.entries.at(-1)?.eventId).toBe(step.id);
    expect(update.status).toBe('delivered');
  });

  it('answers a watch with what there is once the wait is over', async () => {
    const known = (await withTenant(TENANT, () => tracking.client.call('getTimeline', { scope: undefined, orderId: delivered.orderId }))).entries.length;
    const update = await withTenant(TENANT, () =>
      tracking.client.call('watchTimeline', { scope: undefined, orderId: delivered.orderId, knownEntries: known, waitMs: 50 }),
    );
    expect(update.entries).toHaveLength(known);
    expect(update.status).toBe('delivered');
  });

  it('shows a partner-bound caller only orders touching its locations, and answers for others as for unknown ones', async () => {
    const ownStore = { scope: { locationIds: ['loc-store', 'loc-unrelated'] } };
    const elsewhere = { scope: { locationIds: ['loc-elsewhere'] } };
    const asTenant = <T>(fn: () => Promise<T>) => withTenant(TENANT, fn);

    const seen = await asTenant(() => tracking.client.call('getOrderStatus', { orderId: delivered.orderId, ...ownStore }));
    expect(seen.order?.orderId).toBe(delivered.orderId);
    for (const call of [
      (): Promise<unknown> => tracking.client.call('getOrderStatus', { orderId: delivered.orderId, ...elsewhere }),
      () => tracking.client.call('getTimeline', { orderId: delivered.orderId, ...elsewhere }),
      () => tracking.client.call('getTimeline', { orderId: '00000000-0000-4000-8000-000000000000', scope: undefined }),
    ]) {
      await expect(asTenant(call)).rejects.toMatchObject({ code: 'ORDER_NOT_TRACKED' });
    }
    const watched = await asTenant(() =>
      tracking.client.call('watchTimeline', { orderId: delivered.orderId, knownEntries: 0, waitMs: 10, ...elsewhere }),
    );
    expect(watched.entries).toEqual([]);
    expect((await search({ email: delivered.email, ...ownStore })).orders.map((o) => o.orderId)).toEqual([delivered.orderId]);
    expect((await search({ email: delivered.email, ...elsewhere })).orders).toEqual([]);
    expect((await search({ email: delivered.email, scope: { locationIds: [] } })).orders).toEqual([]);
  });
});

