import type { ScanCode } from '@baton/domain';
import type { RecordedEvent, RecordedScan } from './order-milestones';
import { buildOrderView } from './order-view';

const T0 = Date.parse('2025-06-02T08:00:00.000Z');
const at = (offsetMs: number) => new Date(T0 + offsetMs).toISOString();
const NOW = new Date(T0 + 3_600_000);
const OPTIONS = { atRiskWindowMs: 24 * 3_600_000 };

let seq = 0;
function event(type: string, offsetMs: number, data: Record<string, unknown>): RecordedEvent {
  seq += 1;
  return { eventId: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`, type, occurredAt: at(offsetMs), data };
}

function scan(code: ScanCode, offsetMs: number, trackingNumber = 'TN1', extra: Partial<RecordedScan> = {}): RecordedScan {
  seq += 1;
  return {
    eventId: `10000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    carrier: 'DHL',
    trackingNumber,
    code,
    description: '',
    place: 'Utrecht, NL',
    city: 'Utrecht',
    country: 'NL',
    occurredAt: at(offsetMs),
    estimatedDeliveryAt: null,
    correlationId: 'c',
    ...extra,
  };
}

const lines = [
  { lineId: 'l1', sku: 'A', quantity: 2, unitPriceMinor: 100, currency: 'EUR', locationId: 'w1' },
  { lineId: 'l2', sku: 'B', quantity: 1, unitPriceMinor: 100, currency: 'EUR', locationId: 'w1' },
];
const placed = (promisedBy?: string) =>
  event('orders.order.placed.v1', 0, { orderId: 'o1', channel: 'web', channelOrderId: 'W-1', lines, ...(promisedBy ? { promisedBy } : {}) });
const reserved = () => event('inventory.stock.reserved.v1', 10, { orderId: 'o1', reservations: [] });
const shipped = (fulfillmentId: string, shipLines: Array<{ lineId: string; quantity: number }>, trackingNumber: string, offsetMs = 1000) =>
  event('fulfillment.fulfillment.shipped.v1', offsetMs, {
    fulfillmentId,
    orderId: 'o1',
    locationId: 'w1',
    lines: shipLines.map((l) => ({ ...l, sku: l.lineId === 'l1' ? 'A' : 'B' })),
    shipments: [{ shipmentId: `s-${trackingNumber}`, carrier: 'dhl', service: 'std', trackingNumber }],
  });

describe(buildOrderView.name, () => {
  it('is received right after placement and processing once work started', () => {
    expect(buildOrderView([placed()], [], NOW, OPTIONS).status).toBe('received');
    expect(buildOrderView([placed(), reserved()], [], NOW, OPTIONS).status).toBe('processing');
  });

  it('is partially shipped while some units have not left', () => {
    const view = buildOrderView([placed(), reserved(), shipped('f1', [{ lineId: 'l1', quantity: 1 }], 'TN1')], [], NOW, OPTIONS);
    expect(view.status).toBe('partially_shipped');
    expect(view.lines.map((l) => [l.lineId, l.status, l.shipped])).toEqual([
      ['l1', 'partially_shipped', 1],
      ['l2', 'processing', 0],
    ]);
  });

  it('joins scans to their parcel whatever their carrier spelling and arrival, and closes it on a delivered scan', () => {
    const events = [placed(), shipped('f1', [{ lineId: 'l1', quantity: 2 }, { lineId: 'l2', quantity: 1 }], 'TN1')];
    const scans = [scan('delivered', 5000), scan('info_received', 500), scan('out_for_delivery', 4000)];
    const view = buildOrderView(events, scans, NOW, OPTIONS);
    expect(view.status).toBe('delivered');
    expect(view.shipments[0]).toMatchObject({ status: 'delivered', deliveredAt: at(5000) });
    expect(view.shipments[0].scans.map((s) => s.code)).toEqual(['info_received', 'out_for_delivery', 'delivered']);
  });

  it('takes the delivered event of fulfillment as delivery too', () => {
    const events = [
      placed(),
      shipped('f1', [{ lineId: 'l1', quantity: 2 }, { lineId: 'l2', quantity: 1 }], 'TN1'),
      event('fulfillment.fulfillment.delivered.v1', 6000, { fulfillmentId: 'f1', orderId: 'o1', locationId: 'w1', shipmentId: 's-TN1', deliveredAt: at(5500) }),
    ];
    const view = buildOrderView(events, [], NOW, OPTIONS);
    expect(view.status).toBe('delivered');
    expect(view.shipments[0].deliveredAt).toBe(at(5500));
  });

  it('is delayed and at risk when the carrier reports a problem on an open parcel', () => {
    const events = [placed(), shipped('f1', [{ lineId: 'l1', quantity: 2 }, { lineId: 'l2', quantity: 1 }], 'TN1')];
    const view = buildOrderView(events, [scan('in_transit', 2000), scan('exception', 3000)], NOW, OPTIONS);
    expect(view.status).toBe('delayed');
    expect(view.shipments[0].status).toBe('delayed');
    expect(view).toMatchObject({ atRisk: true, atRiskReason: 'carrier_exception' });
    const recovered = buildOrderView(events, [scan('in_transit', 2000), scan('exception', 3000), scan('in_transit', 4000)], NOW, OPTIONS);
    expect(recovered.status).toBe('shipped');
  });

  it('is at risk when the carrier expects the parcel after the promise', () => {
    const events = [placed(at(48 * 3_600_000)), shipped('f1', [{ lineId: 'l1', quantity: 2 }, { lineId: 'l2', quantity: 1 }], 'TN1')];
    const late = scan('in_transit', 2000, 'TN1', { estimatedDeliveryAt: at(72 * 3_600_000) });
    const view = buildOrderView(events, [late], NOW, OPTIONS);
    expect(view).toMatchObject({ status: 'shipped', atRisk: true, atRiskReason: 'carrier_eta_after_promise', estimatedDeliveryAt: at(72 * 3_600_000) });
  });

  it('counts cancelled units out and is cancelled when nothing is left', () => {
    const partly = event('orders.order.cancelled.v1', 500, {
      orderId: 'o1',
      wholeOrder: false,
      reason: 'customer',
      lines: [{ lineId: 'l2', sku: 'B', quantity: 1 }],
      refundMinor: 100,
      currency: 'EUR',
    });
    const view = buildOrderView([placed(), partly, shipped('f1', [{ lineId: 'l1', quantity: 2 }], 'TN1')], [], NOW, OPTIONS);
    expect(view.lines.map((l) => l.status)).toEqual(['shipped', 'cancelled']);
    expect(view.status).toBe('shipped');
    const whole = event('orders.order.cancelled.v1', 600, {
      orderId: 'o1',
      wholeOrder: true,
      reason: 'fraud',
      lines: [
        { lineId: 'l1', sku: 'A', quantity: 2 },
        { lineId: 'l2', sku: 'B', quantity: 1 },
      ],
      refundMinor: 300,
      currency: 'EUR',
    });
    expect(buildOrderView([placed(), whole], [], NOW, OPTIONS).status).toBe('cancelled');
  });

  it('follows a pickup from ready to collected, or back to processing when it expired', () => {
    const ready = event('fulfillment.fulfillment.ready-for-pickup.v1', 1000, {
      fulfillmentId: 'f2',
      orderId: 'o1',
      locationId: 'store',
      pickupCode: '999',
      expiresAt: at(72 * 3_600_000),
      lines: [
        { lineId: 'l1', sku: 'A', quantity: 2 },
        { lineId: 'l2', sku: 'B', quantity: 1 },
      ],
    });
    const readyView = buildOrderView([placed(), ready], [], NOW, OPTIONS);
    expect(readyView.status).toBe('ready_for_pickup');
    expect(readyView.pickups).toEqual([expect.objectContaining({ status: 'ready_for_pickup', locationId: 'store', collectedAt: null })]);
    expect(JSON.stringify(readyView)).not.toContain('999');

    const collected = event('fulfillment.fulfillment.collected.v1', 2000, { fulfillmentId: 'f2', orderId: 'o1', locationId: 'store', lines: ready.data['lines'] });
    expect(buildOrderView([placed(), ready, collected], [], NOW, OPTIONS).status).toBe('collected');

    const expired = event('fulfillment.fulfillment.expired.v1', 3000, { fulfillmentId: 'f2', orderId: 'o1', locationId: 'store', lines: ready.data['lines'] });
    const expiredView = buildOrderView([placed(), ready, expired], [], NOW, OPTIONS);
    expect(expiredView.status).toBe('processing');
    expect(expiredView.pickups[0].status).toBe('expired');
  });

  it('gives the same view whatever order the facts come in', () => {
    const events = [
      placed(at(48 * 3_600_000)),
      reserved(),
      shipped('f1', [{ lineId: 'l1', quantity: 1 }], 'TN1'),
      shipped('f2', [{ lineId: 'l1', quantity: 1 }, { lineId: 'l2', quantity: 1 }], 'TN2', 1500),
    ];
    const scans = [scan('out_for_delivery', 3000, 'TN2'), scan('delivered', 4000, 'TN1'), scan('in_transit', 2000, 'TN2')];
    const view = buildOrderView(events, scans, NOW, OPTIONS);
    expect(view.status).toBe('out_for_delivery');
    expect(buildOrderView([...events].reverse(), [...scans].reverse(), NOW, OPTIONS)).toEqual(view);
  });

  describe('returns and refunds', () => {
    const deliveredOrder = () => [
      placed(),
      shipped('f1', [{ lineId: 'l1', quantity: 2 }, { lineId: 'l2', quantity: 1 }], 'TN1'),
      event('fulfillment.fulfillment.delivered.v1', 2000, { fulfillmentId: 'f1', orderId: 'o1', locationId: 'w1', shipmentId: 's-TN1', deliveredAt: at(2000) }),
    ];
    const returnLines = [{ lineId: 'l1', sku: 'A', quantity: 1 }];
    const authorised = () =>
      event('returns.return.authorised.v1', 3000, {
        returnId: 'r1',
        rmaNumber: 'RMA-1',
        orderId: 'o1',
        method: 'in_store',
        locationId: 'store',
        createdBy: 'channel',
        lines: returnLines.map((l) => ({ ...l, reasonCode: 'too_small' })),
        refundMode: 'refund',
        exchange: false,
      });
    const received = () =>
      event('returns.return.received.v1', 4000, { returnId: 'r1', orderId: 'o1', receiptId: 'rc1', locationId: 'store', lines: returnLines, unexpected: [], partial: false });
    const requested = () =>
      event('returns.refund.requested.v1', 5000, {
        refundId: 'rf1',
        returnId: 'r1',
        orderId: 'o1',
        amountMinor: 100,
        currency: 'EUR',
        lines: [{ lineId: 'l1', quantity: 1, merchandiseMinor: 100, taxMinor: 0 }],
      });
    const settled = (outcome: string) =>
      event('returns.refund.settled.v1', 6000, { refundId: 'rf1', returnId: 'r1', orderId: 'o1', outcome, amountMinor: 100, currency: 'EUR', paymentReference: 'p' });

    it('stays delivered while a return is only authorised, is returned once goods arrived, refunded once paid back', () => {
      expect(buildOrderView([...deliveredOrder(), authorised()], [], NOW, OPTIONS).status).toBe('delivered');
      const back = buildOrderView([...deliveredOrder(), authorised(), received(), requested()], [], NOW, OPTIONS);
      expect(back.status).toBe('returned');
      expect(back.lines.map((l) => [l.status, l.returned])).toEqual([
        ['returned', 1],
        ['delivered', 0],
      ]);
      expect(back.returns).toEqual([{ returnId: 'r1', status: 'received', occurredAt: at(4000), lines: returnLines, returned: returnLines }]);
      expect(back.refunds).toEqual([{ refundId: 'rf1', returnId: 'r1', status: 'requested', amountMinor: 100, currency: 'EUR', occurredAt: at(5000) }]);

      const paid = buildOrderView([...deliveredOrder(), settled('succeeded'), authorised(), received(), requested()], [], NOW, OPTIONS);
      expect(paid.status).toBe('refunded');
      expect(paid.refunds[0].status).toBe('refunded');
      expect(buildOrderView([...deliveredOrder(), authorised(), received(), requested(), settled('failed')], [], NOW, OPTIONS).status).toBe('returned');
    });

    it('reports the furthest stage of a return even when several stages share one instant', () => {
      const completed = event('returns.return.completed.v1', 4000, { returnId: 'r1', orderId: 'o1', lines: returnLines, refundMinor: 100, currency: 'EUR' });
      const disposed = event('returns.return.disposed.v1', 4000, { returnId: 'r1', orderId: 'o1', locationId: 'store', units: [] });
      for (const order of [[completed, disposed], [disposed, completed]]) {
        const view = buildOrderView([...deliveredOrder(), authorised(), received(), ...order], [], NOW, OPTIONS);
        expect(view.returns[0]).toMatchObject({ status: 'completed', returned: returnLines });
      }
    });

    it('takes nothing back for a rejected return', () => {
      const rejected = event('returns.return.rejected.v1', 4500, { returnId: 'r1', orderId: 'o1', reason: 'outside window' });
      const view = buildOrderView([...deliveredOrder(), authorised(), received(), rejected], [], NOW, OPTIONS);
      expect(view.status).toBe('delivered');
      expect(view.returns[0]).toMatchObject({ status: 'rejected', returned: [] });
    });
  });

  it('does not count a leg to the store as shipped or delivered to the customer (ship-to-store)', () => {
    const transfer = event('fulfillment.fulfillment.shipped.v1', 1000, {
      fulfillmentId: 'f1',
      orderId: 'o1',
      locationId: 'w1',
      legType: 'transfer',
      destinationLocationId: 'store',
      lines: [
        { lineId: 'l1', sku: 'A', quantity: 2 },
        { lineId: 'l2', sku: 'B', quantity: 1 },
      ],
      shipments: [{ shipmentId: 's-T1', carrier: 'dhl', service: 'std', trackingNumber: 'T1' }],
    });
    const arrived = event('fulfillment.fulfillment.delivered.v1', 2000, {
      fulfillmentId: 'f1',
      orderId: 'o1',
      locationId: 'w1',
      shipmentId: 's-T1',
      deliveredAt: at(2000),
      legType: 'transfer',
      destinationLocationId: 'store',
    });
    const view = buildOrderView([placed(), transfer, arrived], [], NOW, OPTIONS);
    expect(view.status).toBe('processing');
    expect(view.shipments[0]).toMatchObject({ leg: 'transfer', status: 'delivered' });
  });
});

