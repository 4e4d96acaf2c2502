import 'reflect-metadata';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import type { trackingV1 } from '@baton/contracts';
import type { EventEnvelope } from '@baton/domain';
import { InProcessEventBus } from '@baton/messaging';
import { createTestDatabase, dropTestDatabase, withTenant } from '@baton/testing';
import { ReadModelProjector } from '../src';
import { T0, journey, startTracking, type Journey } from './tracking-fixtures';

const TENANT = 'acme';

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The timeline a journey must produce: every event about the order (scans included) by time, ties by id. */
function expectedTimeline(events: EventEnvelope[]): Array<Pick<trackingV1.TimelineEntry, 'eventId' | 'type' | 'occurredAt'>> {
  return events
    .filter((e) => e.type !== 'inventory.stock.changed.v1')
    .sort((a, b) => compare(a.occurredAt, b.occurredAt) || compare(a.id, b.id))
    .map((e) => ({ eventId: e.id, type: e.type, occurredAt: e.occurredAt }));
}

const steps = (response: trackingV1.GetTimelineResponse) =>
  response.entries.map(({ eventId, type, occurredAt }) => ({ eventId, type, occurredAt }));

describe('tracking read model from events', () => {
  let databaseUrl: string;
  let tracking: Awaited<ReturnType<typeof startTracking>>;
  const bus = new InProcessEventBus();

  const timeline = (orderId: string, tenant = TENANT) => withTenant(tenant, () => tracking.client.call('getTimeline', { scope: undefined, orderId }));
  const orderStatus = (orderId: string, tenant = TENANT) => withTenant(tenant, () => tracking.client.call('getOrderStatus', { scope: undefined, orderId }));
  const status = async (orderId: string) => (await orderStatus(orderId)).order as trackingV1.OrderStatus;

  /** What the journey's order must look like once every event arrived, however they arrived. */
  const expectDelivered = async (trip: Journey) => {
    expect(steps(await timeline(trip.orderId))).toEqual(expectedTimeline(trip.events));
    const order = await status(trip.orderId);
    expect(order).toMatchObject({
      orderId: trip.orderId,
      channel: 'web',
      channelOrderId: trip.channelOrderId,
      status: 'delivered',
      placedAt: new Date(T0).toISOString(),
      atRisk: false,
    });
    expect(order.lines.map((line) => [line.sku, line.status])).toEqual([
      ['TSHIRT', 'delivered'],
      ['MUG', 'collected'],
    ]);
    expect(order.shipments).toHaveLength(1);
    expect(order.shipments[0]).toMatchObject({
      shipmentId: trip.parcel.shipmentId,
      carrier: 'dhl',
      trackingNumber: trip.parcel.trackingNumber,
      locationId: 'loc-warehouse',
      status: 'delivered',
      deliveredAt: new Date(T0 + 5000).toISOString(),
    });
    expect(order.shipments[0].scans.map((scan) => scan.code)).toEqual(['info_received', 'in_transit', 'out_for_delivery', 'delivered']);
    expect(order.pickups).toEqual([
      expect.objectContaining({ locationId: 'loc-store', status: 'collected', collectedAt: new Date(T0 + 4500).toISOString() }),
    ]);
  };

  beforeAll(async () => {
    databaseUrl = await createTestDatabase('tracking timeline');
    tracking = await startTracking({ databaseUrl, bus });
  });

  afterAll(async () => {
    await tracking?.close();
    await bus.close();
    if (databaseUrl) await dropTestDatabase(databaseUrl);
  });

  it('records each step once, oldest first, with what, when, where, which service and who', async () => {
    const trip = journey(TENANT);
    for (const event of [...trip.events, ...trip.events]) await bus.publish(event);

    const response = await timeline(trip.orderId);
    expect(response.orderId).toBe(trip.orderId);
    expect(steps(response)).toEqual(expectedTimeline(trip.events));
    expect(response.entries[0]).toEqual({
      eventId: trip.events[0].id,
      type: 'orders.order.placed.v1',
      service: 'orders',
      occurredAt: new Date(T0).toISOString(),
      summary: `Order ${trip.channelOrderId} placed via web: 2 lines, 3 units`,
      locationId: '',
      correlationId: 'journey',
      actor: 'channel:web',
      place: '',
      trackingNumber: '',
    });
    const scan = response.entries.find((entry) => entry.type === 'tracking.shipment.scanned.v1');
    expect(scan).toMatchObject({
      service: 'tracking',
      actor: 'carrier:dhl',
      place: 'Hub Utrecht, 3511 Utrecht, NL',
      trackingNumber: trip.parcel.trackingNumber,
      summary: `dhl ${trip.parcel.trackingNumber}: info received — Parcel scanned`,
    });
    const shipped = response.entries.find((entry) => entry.type === 'fulfillment.fulfillment.shipped.v1');
    expect(shipped).toMatchObject({ service: 'fulfillment', locationId: 'loc-warehouse' });
    await expectDelivered(trip);
  });

  it('ends with the same timeline, shipments and status whatever order and however often the events arrive', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 2 ** 31 - 1 }), async (seed) => {
        const trip = journey(TENANT);
        const deliveries = fc.sample(fc.shuffledSubarray([...trip.events, ...trip.events], { minLength: trip.events.length * 2 }), {
          seed,
          numRuns: 1,
        })[0];
        for (const event of deliveries) await bus.publish(event);
        await expectDelivered(trip);
      }),
      { numRuns: 10 },
    );
  });

  it('ends the same when every event of several orders arrives at once, each twice', async () => {
    const trips = Array.from({ length: 4 }, () => journey(TENANT));
    const deliveries = trips.flatMap((trip) => [...trip.events, ...trip.events]);
    await Promise.all(deliveries.map((event) => bus.publish(event)));
    for (const trip of trips) await expectDelivered(trip);
    const db = tracking.service.app.get(DataSource);
    const indexed = await db.query(`SELECT order_id, location_ids, channel_order_id FROM tracked_orders WHERE order_id = ANY($1)`, [
      trips.map((t) => t.orderId),
    ]);
    expect(indexed).toHaveLength(trips.length);
    for (const row of indexed) expect(row.location_ids).toEqual(['loc-store', 'loc-warehouse']);
  });

  it('places a carrier scan that arrived before its shipment on the order once the shipment is known', async () => {
    const trip = journey(TENANT, { delivered: false });
    const scans = trip.events.filter((e) => e.type === 'tracking.shipment.scanned.v1');
    for (const event of scans) await bus.publish(event);
    await expect(timeline(trip.orderId)).rejects.toMatchObject({ code: 'ORDER_NOT_TRACKED' });

    for (const event of trip.events.filter((e) => e.type !== 'tracking.shipment.scanned.v1')) await bus.publish(event);
    expect(steps(await timeline(trip.orderId))).toEqual(expectedTimeline(trip.events));
    const order = await status(trip.orderId);
    expect(order.status).toBe('out_for_delivery');
    expect(order.shipments[0]).toMatchObject({ status: 'out_for_delivery', deliveredAt: '' });
    expect(order.shipments[0].estimatedDeliveryAt).toBe(new Date(T0 + 86_400_000).toISOString());
  });

  it('keeps the projection idempotent without the inbox too (a rebuild replays every event)', async () => {
    const trip = journey(TENANT);
    const projector = tracking.service.app.get(ReadModelProjector);
    const db = tracking.service.app.get(DataSource);
    for (const event of [...trip.events, ...[...trip.events].reverse()]) {
      await db.transaction((manager) => projector.apply(manager, event));
    }
    await expectDelivered(trip);
  });

  it('shows a tenant only its own orders', async () => {
    const trip = journey(TENANT);
    for (const event of trip.events) await bus.publish(event);

    expect((await timeline(trip.orderId)).entries).toHaveLength(expectedTimeline(trip.events).length);
    await expect(timeline(trip.orderId, 'globex')).rejects.toMatchObject({ code: 'ORDER_NOT_TRACKED' });
    await expect(orderStatus(trip.orderId, 'globex')).rejects.toMatchObject({ code: 'ORDER_NOT_TRACKED' });
  });
});
