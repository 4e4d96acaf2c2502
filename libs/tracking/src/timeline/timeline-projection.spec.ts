import type { EventEnvelope, EventMap, EventType } from '@baton/domain';
import { actorOf, locationIdOf, locationIdsOf, orderIdOf, projectTimelineEntry, summarize } from './timeline-projection';

function envelope<T extends EventType>(
  type: T,
  aggregate: { type: string; id: string },
  data: EventMap[T],
): EventEnvelope<T> {
  return {
    id: '6f1c0f8e-8f4e-4c55-9d0a-5a2b8c1d0e01',
    type,
    version: 1,
    tenantId: 'acme',
    aggregateType: aggregate.type,
    aggregateId: aggregate.id,
    occurredAt: '2025-01-02T03:04:05.678Z',
    correlationId: 'corr-1',
    causationId: null,
    data,
  };
}

const placed = envelope(
  'orders.order.placed.v1',
  { type: 'order', id: 'order-1' },
  {
    orderId: 'order-1',
    channel: 'web',
    channelOrderId: 'W-1',
    customerEmail: 'ada@example.com',
    deliveryMethod: 'ship_to_address',
    shipTo: { name: 'Ada', line1: 'Main 1', city: 'Berlin', postalCode: '10115', country: 'DE' },
    lines: [
      { lineId: 'l1', sku: 'A', quantity: 2, unitPriceMinor: 100, currency: 'EUR', locationId: 'w1' },
      { lineId: 'l2', sku: 'B', quantity: 1, unitPriceMinor: 50, currency: 'EUR', locationId: 'w2' },
    ],
    totalMinor: 250,
    currency: 'EUR',
  },
);

const reserved = envelope(
  'inventory.stock.reserved.v1',
  { type: 'order', id: 'order-1' },
  {
    orderId: 'order-1',
    reservations: [
      { reservationId: 'r1', lineId: 'l1', sku: 'A', locationId: 'w1', quantity: 1, expiresAt: '2025-01-02T03:19:05.000Z' },
    ],
  },
);

const created = envelope(
  'fulfillment.fulfillment.created.v1',
  { type: 'fulfillment', id: 'f-1' },
  { fulfillmentId: 'f-1', orderId: 'order-1', locationId: 'w2', deliveryMethod: 'ship_to_address', lines: [{ lineId: 'l2', sku: 'B', quantity: 1 }] },
);

const stockChanged = envelope(
  'inventory.stock.changed.v1',
  { type: 'stock_position', id: 'A@w1' },
  { sku: 'A', locationId: 'w1', movementType: 'receipt', quantity: 5, onHand: 5, reserved: 0, available: 5, reference: 'po-1' },
);

describe(orderIdOf.name, () => {
  it('takes the aggregate id of order events', () => {
    expect(orderIdOf(placed)).toBe('order-1');
    expect(orderIdOf({ ...reserved, data: { ...reserved.data, orderId: 'ignored' } })).toBe('order-1');
  });

  it('takes data.orderId of events about another aggregate', () => {
    expect(orderIdOf(created)).toBe('order-1');
  });

  it('finds no order in an event about none', () => {
    expect(orderIdOf(stockChanged)).toBeUndefined();
  });
});

describe(locationIdOf.name, () => {
  it('uses the event’s own location', () => {
    expect(locationIdOf(created)).toBe('w2');
  });

  it('uses the location every line shares', () => {
    expect(locationIdOf(reserved)).toBe('w1');
  });

  it('names no location when lines come from several', () => {
    expect(locationIdOf(placed)).toBeNull();
  });
});

describe(summarize.name, () => {
  it.each([
    [placed, 'Order W-1 placed via web: 2 lines, 3 units'],
    [reserved, 'Stock reserved: 1 unit on 1 line'],
    [created, 'Fulfilment created at location w2: 1 unit'],
    [stockChanged, 'Stock of A changed at location w1 (receipt)'],
  ] as Array<[EventEnvelope, string]>)('summarizes %#', (event, text) => {
    expect(summarize(event)).toBe(text);
  });

  it('falls back to a generic line for a type without a sentence', () => {
    const unknown = { ...placed, type: 'returns.return.teleported.v1' } as unknown as EventEnvelope;
    expect(summarize(unknown)).toBe('returns.return.teleported.v1 from returns');
  });
});

describe(projectTimelineEntry.name, () => {
  it('projects an event onto its order’s timeline', () => {
    expect(projectTimelineEntry(created)).toEqual({
      tenantId: 'acme',
      orderId: 'order-1',
      eventId: created.id,
      type: 'fulfillment.fulfillment.created.v1',
      service: 'fulfillment',
      occurredAt: new Date('2025-01-02T03:04:05.678Z'),
      summary: 'Fulfilment created at location w2: 1 unit',
      locationId: 'w2',
      correlationId: 'corr-1',
      data: created.data,
    });
  });

  it('projects nothing for an event about no order', () => {
    expect(projectTimelineEntry(stockChanged)).toBeNull();
  });
});

describe(actorOf.name, () => {
  it('names the channel of a placement, the carrier of a scan, or an actor the event names', () => {
    expect(actorOf('orders.order.placed.v1', { channel: 'web' })).toBe('channel:web');
    expect(actorOf('tracking.shipment.scanned.v1', { carrier: 'dhl' })).toBe('carrier:dhl');
    expect(actorOf('orders.order.cancelled.v1', { principal: 'key:42' })).toBe('key:42');
    expect(actorOf('inventory.stock.reserved.v1', {})).toBe('');
  });
});

describe(locationIdsOf.name, () => {
  it('collects every location an event names, once each', () => {
    expect(locationIdsOf(placed).sort()).toEqual(['w1', 'w2']);
    expect(locationIdsOf(created)).toEqual(['w2']);
  });
});

describe('carrier scans', () => {
  const scan = envelope(
    'tracking.shipment.scanned.v1',
    { type: 'shipment', id: 'dhl:JD1' },
    {
      scanId: 's1',
      carrier: 'dhl',
      trackingNumber: 'JD1',
      code: 'out_for_delivery',
      description: 'With the driver',
      place: { city: 'Utrecht' },
      occurredAt: '2025-01-02T03:04:05.678Z',
      source: 'webhook',
      orderId: 'order-1',
    },
  );

  it('make no timeline entry of their own (they are joined by parcel)', () => {
    expect(projectTimelineEntry(scan)).toBeNull();
  });

  it('read as the carrier said it', () => {
    expect(summarize(scan)).toBe('dhl JD1: out for delivery — With the driver');
  });
});
