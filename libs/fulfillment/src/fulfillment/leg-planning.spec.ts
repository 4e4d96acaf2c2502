import type { OrderPlacedV1 } from '@baton/domain';
import { planLegs } from './leg-planning';
import { readPlacedOrder } from './placed-order';

type LooseLine = Partial<OrderPlacedV1['lines'][number]> & Record<string, unknown>;

function order(lines: LooseLine[], extra: Record<string, unknown> = {}): OrderPlacedV1 {
  return {
    orderId: 'o-1',
    channel: 'web',
    channelOrderId: 'W-1',
    customerEmail: 'ada@example.com',
    deliveryMethod: 'ship_to_address',
    shipTo: { name: 'Ada', line1: 'Damrak 1', city: 'Amsterdam', postalCode: '1012 LG', country: 'NL' },
    lines: lines.map((line, i) => ({ lineId: `l${i + 1}`, sku: `SKU-${i + 1}`, quantity: 1, unitPriceMinor: 1000, currency: 'EUR', locationId: 'wh', ...line })) as OrderPlacedV1['lines'],
    totalMinor: 0,
    currency: 'EUR',
    ...extra,
  } as OrderPlacedV1;
}

const shape = (data: OrderPlacedV1) =>
  planLegs(readPlacedOrder(data)).legs.map((leg) => ({
    leg: leg.legType,
    at: leg.locationId,
    to: leg.destinationLocationId,
    status: leg.initialStatus,
    after: leg.dependsOnKey ? 'dependent' : null,
    lines: leg.lines.map((l) => l.lineId),
  }));

describe(planLegs.name, () => {
  it('ships today\'s orders (one method, no destination) as one leg per sourced location', () => {
    expect(shape(order([{ locationId: 'wh-b' }, { locationId: 'wh-a' }, { locationId: 'wh-b' }]))).toEqual([
      { leg: 'ship', at: 'wh-a', to: null, status: 'created', after: null, lines: ['l2'] },
      { leg: 'ship', at: 'wh-b', to: null, status: 'created', after: null, lines: ['l1', 'l3'] },
    ]);
  });

  it('makes ship-to-store a transfer leg and a pending pickup leg that depends on it', () => {
    const plan = planLegs(readPlacedOrder(order([{ deliveryMethod: 'ship_to_store', destinationLocationId: 'store-1' }])));
    expect(plan.legs.map((l) => [l.legType, l.locationId, l.destinationLocationId, l.initialStatus])).toEqual([
      ['transfer', 'wh', 'store-1', 'created'],
      ['pickup', 'store-1', null, 'pending'],
    ]);
    expect(plan.legs[1].dependsOnKey).toBe(plan.legs[0].key);
  });

  it('collects click-and-collect and curbside at the store that has the goods, or via a transfer', () => {
    expect(shape(order([{ deliveryMethod: 'click_and_collect', locationId: 'store-1', destinationLocationId: 'store-1' }]))).toEqual([
      { leg: 'pickup', at: 'store-1', to: null, status: 'created', after: null, lines: ['l1'] },
    ]);
    expect(shape(order([{ deliveryMethod: 'curbside', locationId: 'wh', pickupLocationId: 'store-2' }]))).toEqual([
      { leg: 'transfer', at: 'wh', to: 'store-2', status: 'created', after: null, lines: ['l1'] },
      { leg: 'pickup', at: 'store-2', to: null, status: 'pending', after: 'dependent', lines: ['l1'] },
    ]);
  });

  it('ships same-day, scheduled, drop-ship and transfers, keeping different windows apart', () => {
    const windowA = { from: '2026-11-19T17:00:00Z', to: '2026-11-19T19:00:00Z' };
    const windowB = { from: '2026-11-20T17:00:00Z', to: '2026-11-20T19:00:00Z' };
    const plan = planLegs(
      readPlacedOrder(
        order([
          { deliveryMethod: 'same_day', locationId: 'store-1' },
          { deliveryMethod: 'scheduled_window', requestedWindow: windowA },
          { deliveryMethod: 'scheduled_window', requestedWindow: windowB },
          { deliveryMethod: 'drop_ship', locationId: 'supplier-1' },
          { deliveryMethod: 'transfer', destinationLocationId: 'store-9' },
        ]),
      ),
    );
    expect(plan.warnings).toEqual([]);
    expect(plan.legs.map((l) => [l.legType, l.locationId, l.deliveryMethod, l.requirement, l.window?.start.toISOString() ?? null])).toEqual([
      ['ship', 'store-1', 'same_day', { sameDay: true, timeWindow: false }, null],
      ['ship', 'supplier-1', 'drop_ship', { sameDay: false, timeWindow: false }, null],
      ['ship', 'wh', 'scheduled_window', { sameDay: false, timeWindow: true }, '2026-11-19T17:00:00.000Z'],
      ['ship', 'wh', 'scheduled_window', { sameDay: false, timeWindow: true }, '2026-11-20T17:00:00.000Z'],
      ['transfer', 'wh', 'transfer', { sameDay: false, timeWindow: false }, null],
    ]);
  });

  it('takes the most urgent priority, earliest promise and the order-level strategy', () => {
    const data = order(
      [
        { deliveryMethod: 'same_day', promisedBy: '2026-11-19T20:00:00Z' },
        { deliveryMethod: 'same_day', promisedBy: '2026-11-19T18:00:00Z' },
      ],
      { priority: 'high', strategy: 'fastest' },
    );
    const placed = readPlacedOrder(data);
    expect(placed.carrierStrategy).toBe('fastest');
    const [leg] = planLegs(placed).legs;
    expect(leg.priority).toBe(3);
    expect(leg.promisedBy?.toISOString()).toBe('2026-11-19T18:00:00.000Z');
    expect(planLegs(readPlacedOrder(order([{ deliveryMethod: 'same_day' }]))).legs[0].priority).toBe(2);
  });

  it('falls back, with a warning, rather than dropping a line it cannot work as asked', () => {
    const plan = planLegs(
      readPlacedOrder(order([{ deliveryMethod: 'teleport' }, { deliveryMethod: 'transfer' }, { deliveryMethod: 'ship_to_store' }])),
    );
    expect(plan.legs.map((l) => [l.legType, l.lines.map((x) => x.lineId)])).toEqual([
      ['pickup', ['l3']],
      ['ship', ['l1']],
      ['ship', ['l2']],
    ]);
    expect(plan.warnings).toHaveLength(3);
  });

  it('reads a promised calendar day as midday UTC of that day', () => {
    const placed = readPlacedOrder(order([{ promisedBy: '2026-11-19' }, { promisedBy: '2026-11-19T08:30:00+01:00' }]));
    expect(placed.lines.map((l) => l.promisedBy?.toISOString())).toEqual(['2026-11-19T12:00:00.000Z', '2026-11-19T07:30:00.000Z']);
  });

  it('ignores a malformed window or promise instead of failing the order', () => {
    const placed = readPlacedOrder(order([{ requestedWindow: { from: 'soon', to: 'later' }, promisedBy: 'tomorrow' }], { requestedWindow: { start: '2026-11-19T19:00:00Z', end: '2026-11-19T17:00:00Z' } }));
    expect(placed.lines[0].window).toBeUndefined();
    expect(placed.lines[0].promisedBy).toBeUndefined();
  });
});
