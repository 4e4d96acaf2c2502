import {
  FULFILLMENT_STATUSES,
  FULFILLMENT_TRANSITIONS,
  assertFulfillmentTransition,
  checkFulfillmentTransition,
  fulfillmentTableProblems,
  type FulfillmentStatus,
  type LegType,
} from './fulfillment-state-machine';
import { FulfillmentError } from './fulfillments.errors';

const legal: Array<[FulfillmentStatus, FulfillmentStatus]> = [
  ['pending', 'created'],
  ['pending', 'cancelled'],
  ['created', 'cancelled'],
  ['accepted', 'cancelled'],
  ['picking', 'cancelled'],
  ['picked', 'cancelled'],
  ['picked', 'ready_for_pickup'],
  ['packed', 'cancelled'],
  ['ready_for_pickup', 'cancelled'],
  ['created', 'accepted'],
  ['created', 'rejected'],
  ['accepted', 'picking'],
  ['accepted', 'rejected'],
  ['picking', 'picked'],
  ['picking', 'rejected'],
  ['picked', 'packed'],
  ['picked', 'rejected'],
  ['packed', 'shipped'],
  ['packed', 'ready_for_pickup'],
  ['packed', 'rejected'],
  ['shipped', 'delivered'],
  ['ready_for_pickup', 'collected'],
  ['ready_for_pickup', 'expired'],
];

describe('fulfilment state machine', () => {
  it.each(legal)('allows %s → %s', (from, to) => {
    expect(checkFulfillmentTransition(from, to)).toEqual({ allowed: true });
    expect(() => assertFulfillmentTransition(from, to)).not.toThrow();
  });

  it('allows exactly the listed transitions and refuses every other pair', () => {
    const allowed = FULFILLMENT_STATUSES.flatMap((from) =>
      FULFILLMENT_STATUSES.filter((to) => checkFulfillmentTransition(from, to).allowed).map((to) => [from, to]),
    );
    expect(allowed).toEqual(expect.arrayContaining(legal));
    expect(allowed).toHaveLength(legal.length);
  });

  it.each<[FulfillmentStatus, FulfillmentStatus, string]>([
    ['shipped', 'rejected', 'NOT_ALLOWED'],
    ['created', 'shipped', 'NOT_ALLOWED'],
    ['picked', 'picking', 'NOT_ALLOWED'],
    ['ready_for_pickup', 'shipped', 'NOT_ALLOWED'],
    ['rejected', 'accepted', 'FINAL_STATUS'],
    ['collected', 'expired', 'FINAL_STATUS'],
    ['delivered', 'shipped', 'FINAL_STATUS'],
    ['packed', 'packed', 'SAME_STATUS'],
    ['pending', 'accepted', 'NOT_ALLOWED'],
    ['shipped', 'cancelled', 'NOT_ALLOWED'],
    ['cancelled', 'created', 'FINAL_STATUS'],
    ['expired', 'collected', 'FINAL_STATUS'],
  ])('refuses %s → %s with %s', (from, to, reason) => {
    expect(checkFulfillmentTransition(from, to)).toEqual({ allowed: false, reason });
    expect(() => assertFulfillmentTransition(from, to)).toThrow(FulfillmentError);
    expect(() => assertFulfillmentTransition(from, to)).toThrow(
      expect.objectContaining({ kind: 'precondition', code: 'ILLEGAL_TRANSITION', details: { from, to, reason } }),
    );
  });

  it('refuses statuses it does not know', () => {
    expect(checkFulfillmentTransition('created', 'lost')).toEqual({ allowed: false, reason: 'UNKNOWN_STATUS' });
    expect(checkFulfillmentTransition('constructor', 'created')).toEqual({ allowed: false, reason: 'UNKNOWN_STATUS' });
  });

  it.each<[FulfillmentStatus, FulfillmentStatus, LegType]>([
    ['packed', 'ready_for_pickup', 'ship'],
    ['picked', 'ready_for_pickup', 'transfer'],
    ['packed', 'shipped', 'pickup'],
    ['shipped', 'delivered', 'pickup'],
    ['ready_for_pickup', 'collected', 'ship'],
  ])('refuses %s → %s for a %s leg with WRONG_LEG', (from, to, leg) => {
    expect(checkFulfillmentTransition(from, to, leg)).toEqual({ allowed: false, reason: 'WRONG_LEG' });
    expect(() => assertFulfillmentTransition(from, to, leg)).toThrow(
      expect.objectContaining({ code: 'ILLEGAL_TRANSITION', details: { from, to, reason: 'WRONG_LEG', legType: leg } }),
    );
  });

  it.each<[FulfillmentStatus, FulfillmentStatus, LegType]>([
    ['packed', 'shipped', 'ship'],
    ['packed', 'shipped', 'transfer'],
    ['shipped', 'delivered', 'transfer'],
    ['packed', 'ready_for_pickup', 'pickup'],
    ['picked', 'ready_for_pickup', 'pickup'],
    ['pending', 'created', 'pickup'],
  ])('allows %s → %s for a %s leg', (from, to, leg) => {
    expect(checkFulfillmentTransition(from, to, leg)).toEqual({ allowed: true });
  });

  it('walks every leg type from its entry to each of its final statuses', () => {
    const paths: Array<[LegType, FulfillmentStatus[]]> = [
      ['ship', ['created', 'accepted', 'picking', 'picked', 'packed', 'shipped', 'delivered']],
      ['transfer', ['created', 'accepted', 'picking', 'picked', 'packed', 'shipped', 'delivered']],
      ['pickup', ['pending', 'created', 'accepted', 'picking', 'picked', 'packed', 'ready_for_pickup', 'collected']],
      ['pickup', ['created', 'accepted', 'picking', 'picked', 'ready_for_pickup', 'expired']],
      ['ship', ['created', 'accepted', 'picking', 'rejected']],
    ];
    for (const [leg, path] of paths) {
      for (let i = 1; i < path.length; i++) expect(checkFulfillmentTransition(path[i - 1], path[i], leg)).toEqual({ allowed: true });
    }
  });

  it('has a sound transitions table', () => {
    expect(fulfillmentTableProblems(FULFILLMENT_TRANSITIONS)).toEqual([]);
  });

  it('reaches pending only as an entry status', () => {
    expect(FULFILLMENT_STATUSES.filter((s) => FULFILLMENT_TRANSITIONS[s].includes('pending'))).toEqual([]);
    expect(fulfillmentTableProblems(FULFILLMENT_TRANSITIONS, 'created')).toEqual(['pending: unreachable from created']);
  });

  it('reports unknown targets, self-loops and unreachable statuses', () => {
    expect(fulfillmentTableProblems({ a: ['a', 'x'], b: [] }, 'a')).toEqual([
      'a → a: self-transition',
      'a → x: unknown target status',
      'b: unreachable from a',
    ]);
  });
});
