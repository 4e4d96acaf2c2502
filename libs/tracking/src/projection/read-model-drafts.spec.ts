import type { EventEnvelope, EventMap, EventType } from '@baton/domain';
import { normalizeEmail, normalizePhone, projectOrderIndex, projectScan, projectShipments } from './read-model-drafts';

function envelope<T extends EventType>(type: T, aggregate: { type: string; id: string }, data: EventMap[T]): EventEnvelope<T> {
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

describe('look-up normalisation', () => {
  it('finds emails whatever their case and surrounding spaces', () => {
    expect(normalizeEmail('  Ada.Lovelace@Example.COM ')).toBe('ada.lovelace@example.com');
  });

  it('finds phones whatever their spacing and punctuation', () => {
    expect(normalizePhone('+31 (0)6-1234 5678')).toBe('+310612345678');
    expect(normalizePhone('06 1234.5678')).toBe('0612345678');
  });
});

describe(projectOrderIndex.name, () => {
  const placed = envelope('orders.order.placed.v1', { type: 'order', id: 'o1' }, {
    orderId: 'o1',
    channel: 'web',
    channelOrderId: 'W-1',
    customerEmail: 'ADA@example.com',
    customerPhone: '+31 6 1234 5678',
    deliveryMethod: 'ship_to_address',
    shipTo: { name: 'Ada', line1: 'Main 1', city: 'Berlin', postalCode: '10115', country: 'DE' },
    lines: [{ lineId: 'l1', sku: 'A', quantity: 1, unitPriceMinor: 100, currency: 'EUR', locationId: 'w1' }],
    totalMinor: 100,
    currency: 'EUR',
  });

  it('fills the customer facts from the placement', () => {
    expect(projectOrderIndex(placed)).toMatchObject({
      orderId: 'o1',
      channelOrderId: 'W-1',
      customerEmail: 'ada@example.com',
      customerPhone: '+31612345678',
      locationIds: ['w1'],
      placedAt: new Date('2025-01-02T03:04:05.678Z'),
    });
  });

  it('only widens the index for other order events', () => {
    const reserved = envelope('inventory.stock.reserved.v1', { type: 'order', id: 'o1' }, { orderId: 'o1', reservations: [] });
    expect(projectOrderIndex(reserved)).toMatchObject({ orderId: 'o1', channel: null, customerEmail: null, placedAt: null });
  });
});

describe('shipments and scans', () => {
  it('indexes each parcel of a shipped event', () => {
    const shipped = envelope('fulfillment.fulfillment.shipped.v1', { type: 'fulfillment', id: 'f1' }, {
      fulfillmentId: 'f1',
      orderId: 'o1',
      locationId: 'w1',
      lines: [{ lineId: 'l1', sku: 'A', quantity: 1 }],
      shipments: [
        { shipmentId: 's1', carrier: 'dhl', service: 'std', trackingNumber: 'JD1' },
        { shipmentId: 's2', carrier: 'dhl', service: 'std', trackingNumber: 'JD2' },
      ],
    });
    expect(projectShipments(shipped).map((s) => [s.shipmentId, s.orderId, s.trackingNumber])).toEqual([
      ['s1', 'o1', 'JD1'],
      ['s2', 'o1', 'JD2'],
    ]);
    expect(projectScan(shipped)).toBeNull();
  });

  it('keeps a scan by its parcel with where it happened', () => {
    const scanned = envelope('tracking.shipment.scanned.v1', { type: 'shipment', id: 'dhl:JD1' }, {
      scanId: 'x',
      carrier: 'dhl',
      trackingNumber: 'JD1',
      code: 'in_transit',
      description: 'Sorted',
      place: { city: 'Utrecht', country: 'NL' },
      occurredAt: '2025-01-02T03:04:05.678Z',
      source: 'poll',
    });
    expect(projectScan(scanned)).toMatchObject({ carrier: 'dhl', trackingNumber: 'JD1', city: 'Utrecht', country: 'NL', placeName: '' });
    expect(projectOrderIndex(scanned)).toBeNull();
  });
});
