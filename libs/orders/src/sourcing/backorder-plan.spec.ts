import { DEFAULT_METHOD_RULES } from './delivery-methods';
import { planBackorders, type LocationFacts } from './backorder-plan';
import type { UnfulfillableLine } from './sourcing-model';

const unfulfillable = (lineId: string, sku: string, requested: number): UnfulfillableLine => ({
  lineId,
  sku,
  requested,
  deliveryMethod: 'ship_to_address',
  reason: 'INSUFFICIENT_STOCK',
  detail: '',
  bestLocationAvailable: 0,
  eligibleAvailable: 0,
});
const ship = { method: 'ship_to_address' as const, rule: DEFAULT_METHOD_RULES.ship_to_address };
const facts = new Map<string, LocationFacts>([
  ['wh-1', { type: 'warehouse', capabilities: ['ship'], atp: { A: 1 } }],
  ['wh-2', { type: 'warehouse', capabilities: ['ship'], atp: {} }],
  ['sup-1', { type: 'supplier', capabilities: ['ship'], atp: {} }],
]);
const horizon = new Date('2026-12-31T00:00:00Z');

describe(planBackorders.name, () => {
  it('backorders against the earliest supply that lets one eligible location serve the line whole', () => {
    const planned = planBackorders(
      [unfulfillable('l1', 'A', 3)],
      new Map([['l1', ship]]),
      facts,
      new Set(),
      [
        { sku: 'A', locationId: 'sup-1', quantity: 10, eta: '2026-12-02T00:00:00Z' },
        { sku: 'A', locationId: 'wh-2', quantity: 2, eta: '2026-12-03T00:00:00Z' },
        { sku: 'A', locationId: 'wh-1', quantity: 2, eta: '2026-12-05T00:00:00Z' },
        { sku: 'A', locationId: 'wh-2', quantity: 1, eta: '2026-12-09T00:00:00Z' },
      ],
      horizon,
    );
    expect(planned).toEqual([{ lineId: 'l1', locationId: 'wh-1', expectedDate: '2026-12-05' }]);
  });

  it('does not promise the same inbound units twice, nor supply beyond the horizon or at excluded locations', () => {
    const lines = [unfulfillable('l1', 'A', 3), unfulfillable('l2', 'A', 3)];
    const deliveries = new Map([
      ['l1', ship],
      ['l2', ship],
    ]);
    const inbound = [
      { sku: 'A', locationId: 'wh-1', quantity: 2, eta: '2026-12-05T00:00:00Z' },
      { sku: 'A', locationId: 'wh-1', quantity: 5, eta: '2027-02-01T00:00:00Z' },
    ];
    expect(planBackorders(lines, deliveries, facts, new Set(), inbound, horizon)).toEqual([{ lineId: 'l1', locationId: 'wh-1', expectedDate: '2026-12-05' }]);
    expect(planBackorders(lines, deliveries, facts, new Set(['wh-1']), inbound, horizon)).toEqual([]);
  });
});
