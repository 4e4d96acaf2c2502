import {
  FULFILLMENT_STATUSES,
  FULFILLMENT_TRANSITIONS,
  assertFulfillmentTransition,
  checkFulfillmentTransition,
  fulfillmentTableProblems,
  type FulfillmentStatus,
} from './fulfillment-state-machine';
import { FulfillmentError } from './fulfillments.errors';

const legal: Array<[FulfillmentStatus, FulfillmentStatus]> = [
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

  it('has a sound transitions table', () => {
    expect(fulfillmentTableProblems(FULFILLMENT_TRANSITIONS)).toEqual([]);
  });

  it('reports unknown targets, self-loops and unreachable statuses', () => {
    expect(fulfillmentTableProblems({ a: ['a', 'x'], b: [] }, 'a')).toEqual([
      'a → a: self-transition',
      'a → x: unknown target status',
      'b: unreachable from a',
    ]);
  });
});
