import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import type { trackingV1 } from '@baton/contracts';
import type { EventEnvelope, EventMap, EventType } from '@baton/domain';
import { InProcessEventBus } from '@baton/messaging';
import { GrpcPeer, bootstrapService, loadServiceConfig, type RunningService } from '@baton/platform';
import { createTestDatabase, dropTestDatabase, freePort, withTenant } from '@baton/testing';
import { TimelineService, TrackingModule } from '../src';

const TENANT = 'acme';
const T0 = Date.parse('2025-03-01T10:00:00.000Z');

function envelope<T extends EventType>(
  type: T,
  aggregate: { type: string; id: string },
  atMs: number,
  data: EventMap[T],
): EventEnvelope<T> {
  return {
    id: randomUUID(),
    type,
    version: 1,
    tenantId: TENANT,
    aggregateType: aggregate.type,
    aggregateId: aggregate.id,
    occurredAt: new Date(atMs).toISOString(),
    correlationId: 'journey',
    causationId: null,
    data,
  };
}

/**
 * One order's walking-skeleton journey as the other services publish it, plus a stock change that
 * concerns no order. Both fulfilment events share one instant, so their order on the timeline
 * rests on the event id tie-break.
 */
function journey(): { orderId: string; events: EventEnvelope[] } {
  const orderId = randomUUID();
  const lines = [
    { lineId: randomUUID(), sku: 'TSHIRT', quantity: 2, unitPriceMinor: 1999, currency: 'EUR', locationId: 'loc-a' },
    { lineId: randomUUID(), sku: 'MUG', quantity: 1, unitPriceMinor: 899, currency: 'EUR', locationId: 'loc-b' },
  ];
  const events: EventEnvelope[] = [
    envelope('orders.order.placed.v1', { type: 'order', id: orderId }, T0, {
      orderId,
      channel: 'web',
      channelOrderId: 'W-7',
      customerEmail: 'ada@example.com',
      deliveryMethod: 'ship_to_address',
      shipTo: { name: 'Ada', line1: 'Damrak 1', city: 'Amsterdam', postalCode: '1012 LG', country: 'NL' },
      lines,
      totalMinor: 4897,
      currency: 'EUR',
    }),
    envelope('inventory.stock.reserved.v1', { type: 'order', id: orderId }, T0 - 500, {
      orderId,
      reservations: lines.map((line) => ({
        reservationId: randomUUID(),
        lineId: line.lineId,
        sku: line.sku,
        locationId: line.locationId,
        quantity: line.quantity,
        expiresAt: new Date(T0 + 900_000).toISOString(),
      })),
    }),
    envelope('inventory.stock.changed.v1', { type: 'stock_position', id: 'TSHIRT@loc-a' }, T0 + 100, {
      sku: 'TSHIRT',
      locationId: 'loc-a',
      movementType: 'reservation',
      quantity: 2,
      onHand: 10,
      reserved: 2,
      available: 8,
      reference: `order/${orderId}/${lines[0].lineId}`,
    }),
    ...lines.map((line) => {
      const fulfillmentId = randomUUID();
      return envelope('fulfillment.fulfillment.created.v1', { type: 'fulfillment', id: fulfillmentId }, T0 + 1000, {
        fulfillmentId,
        orderId,
        locationId: line.locationId,
        deliveryMethod: 'ship_to_address',
        lines: [{ lineId: line.lineId, sku: line.sku, quantity: line.quantity }],
      });
    }),
  ];
  return { orderId, events };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The timeline a journey must produce: its order's events by occurrence, ties by event id. */
function expectedTimeline(events: EventEnvelope[]): Array<Pick<trackingV1.TimelineEntry, 'eventId' | 'type' | 'occurredAt'>> {
  return events
    .filter((e) => e.type !== 'inventory.stock.changed.v1')
    .sort((a, b) => compare(a.occurredAt, b.occurredAt) || compare(a.id, b.id))
    .map((e) => ({ eventId: e.id, type: e.type, occurredAt: e.occurredAt }));
}

describe('tracking timeline from events', () => {
  let databaseUrl: string;
  let service: RunningService;
  let client: GrpcPeer<trackingV1.TrackingServiceClient>;
  const bus = new InProcessEventBus();

  const timeline = (orderId: string, tenant = TENANT) => withTenant(tenant, () => client.call('getTimeline', { orderId }));

  beforeAll(async () => {
    databaseUrl = await createTestDatabase('tracking timeline');
    const config = loadServiceConfig('tracking', {
      TRACKING_DATABASE_URL: databaseUrl,
      HTTP_HOST: '127.0.0.1',
      TRACKING_HTTP_PORT: '0',
      GRPC_URL: `127.0.0.1:${await freePort()}`,
      LOG_LEVEL: 'error',
    });
    service = await bootstrapService({ service: 'tracking', module: TrackingModule.forRoot({ config, bus }), config, grpc: 'tracking' });
    client = new GrpcPeer<trackingV1.TrackingServiceClient>('tracking', config.grpcUrl, 10_000);
  });

  afterAll(async () => {
    client?.close();
    await service?.close();
    await bus.close();
    if (databaseUrl) await dropTestDatabase(databaseUrl);
  });

  it('records each order event once, oldest first, with who did what where', async () => {
    const { orderId, events } = journey();
    for (const event of [...events, ...events]) await bus.publish(event);

    const response = await timeline(orderId);
    expect(response.orderId).toBe(orderId);
    expect(response.entries.map(({ eventId, type, occurredAt }) => ({ eventId, type, occurredAt }))).toEqual(
      expectedTimeline(events),
    );
    const fulfilments = events.filter((e) => e.type === 'fulfillment.fulfillment.created.v1');
    const firstFulfilment = [...fulfilments].sort((a, b) => compare(a.id, b.id))[0];
    expect(response.entries[0]).toEqual({
      eventId: events[1].id,
      type: 'inventory.stock.reserved.v1',
      service: 'inventory',
      occurredAt: events[1].occurredAt,
      summary: 'Stock reserved: 3 units on 2 lines',
      locationId: '',
      correlationId: 'journey',
    });
    expect(response.entries[1]).toMatchObject({
      type: 'orders.order.placed.v1',
      service: 'orders',
      summary: 'Order W-7 placed via web: 2 lines, 3 units',
    });
    expect(response.entries[2]).toMatchObject({
      eventId: firstFulfilment.id,
      service: 'fulfillment',
      locationId: (firstFulfilment.data as EventMap['fulfillment.fulfillment.created.v1']).locationId,
    });
  });

  it('ends with the same timeline whatever order and however often the events arrive', async () => {
    await fc.assert(
      fc.asyncProperty(fc.shuffledSubarray([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], { minLength: 10, maxLength: 10 }), async (order) => {
        const { orderId, events } = journey();
        const deliveries = [...events, ...events];
        for (const index of order) await bus.publish(deliveries[index]);

        const response = await timeline(orderId);
        expect(response.entries.map(({ eventId, type, occurredAt }) => ({ eventId, type, occurredAt }))).toEqual(
          expectedTimeline(events),
        );
      }),
      { numRuns: 12 },
    );
  });

  it('keeps the projection idempotent without the inbox too (a rebuild replays every event)', async () => {
    const { orderId, events } = journey();
    const timelineService = service.app.get(TimelineService);
    const db = service.app.get(DataSource);
    for (const event of [...events, ...[...events].reverse()]) {
      await db.transaction((manager) => timelineService.record(event, manager));
    }
    expect((await timeline(orderId)).entries.map((e) => e.eventId)).toEqual(expectedTimeline(events).map((e) => e.eventId));
  });

  it('shows a tenant only its own timelines', async () => {
    const { orderId, events } = journey();
    for (const event of events) await bus.publish(event);

    expect((await timeline(orderId)).entries).toHaveLength(4);
    expect((await timeline(orderId, 'globex')).entries).toEqual([]);
  });
});
