import {
  ORDER_LINE_STATUSES,
  ORDER_LINE_TRANSITIONS,
  ORDER_STATUSES,
  ORDER_TRANSITIONS,
  assertOrderLineTransition,
  assertOrderTransition,
  checkOrderLineTransition,
  checkOrderTransition,
  transitionTableProblems,
  type OrderLineStatus,
  type OrderStatus,
} from './order-state-machine';
import { OrdersError } from './orders.errors';

/** The intended order lifecycle, written out once more by hand: the table must say exactly this. */
const orderLifecycle: Record<OrderStatus, OrderStatus[]> = {
  created: ['on_hold', 'sourced', 'backordered', 'partially_cancelled', 'cancelled'],
  on_hold: ['sourced', 'backordered', 'partially_shipped', 'shipped', 'ready_for_pickup', 'delivered', 'collected', 'partially_cancelled', 'cancelled'],
  sourced: ['on_hold', 'backordered', 'partially_shipped', 'shipped', 'ready_for_pickup', 'partially_cancelled', 'cancelled'],
  backordered: ['on_hold', 'sourced', 'partially_shipped', 'shipped', 'ready_for_pickup', 'partially_cancelled', 'cancelled'],
  partially_cancelled: ['on_hold', 'backordered', 'partially_shipped', 'shipped', 'ready_for_pickup', 'delivered', 'collected', 'cancelled'],
  partially_shipped: ['on_hold', 'backordered', 'shipped', 'ready_for_pickup', 'delivered', 'collected', 'partially_cancelled', 'cancelled', 'partially_returned'],
  shipped: ['delivered', 'collected', 'partially_returned'],
  ready_for_pickup: ['on_hold', 'partially_shipped', 'shipped', 'delivered', 'collected', 'partially_cancelled', 'cancelled'],
  delivered: ['completed', 'partially_returned', 'returned'],
  collected: ['completed', 'partially_returned', 'returned'],
  completed: ['partially_returned', 'returned'],
  partially_returned: ['returned'],
  returned: [],
  cancelled: [],
};

const lineLifecycle: Record<OrderLineStatus, OrderLineStatus[]> = {
  created: ['sourced', 'backordered', 'cancelled'],
  sourced: ['backordered', 'partially_shipped', 'shipped', 'ready_for_pickup', 'partially_cancelled', 'cancelled'],
  backordered: ['sourced', 'partially_shipped', 'shipped', 'ready_for_pickup', 'partially_cancelled', 'cancelled'],
  partially_cancelled: ['backordered', 'partially_shipped', 'shipped', 'ready_for_pickup', 'delivered', 'collected', 'cancelled'],
  partially_shipped: ['shipped', 'ready_for_pickup', 'delivered', 'collected', 'partially_returned'],
  shipped: ['delivered', 'partially_returned'],
  ready_for_pickup: ['partially_shipped', 'collected', 'partially_cancelled', 'cancelled'],
  delivered: ['completed', 'partially_returned', 'returned'],
  collected: ['completed', 'partially_returned', 'returned'],
  completed: ['partially_returned', 'returned'],
  partially_returned: ['returned'],
  returned: [],
  cancelled: [],
};

const legalOrder = Object.entries(orderLifecycle).flatMap(([from, tos]) => tos.map((to): [OrderStatus, OrderStatus] => [from as OrderStatus, to]));
const legalLine = Object.entries(lineLifecycle).flatMap(([from, tos]) => tos.map((to): [OrderLineStatus, OrderLineStatus] => [from as OrderLineStatus, to]));

function pairs<S extends string>(statuses: readonly S[]): Array<[S, S]> {
  return statuses.flatMap((from) => statuses.map((to): [S, S] => [from, to]));
}

describe('order state machine', () => {
  it.each(legalOrder)('allows an order to go from %s to %s', (from, to) => {
    expect(checkOrderTransition(from, to)).toEqual({ allowed: true });
    expect(() => assertOrderTransition(from, to)).not.toThrow();
  });

  it('allows exactly the listed order transitions and refuses every other pair', () => {
    const allowed = pairs(ORDER_STATUSES).filter(([from, to]) => checkOrderTransition(from, to).allowed);
    expect(allowed).toEqual(expect.arrayContaining(legalOrder));
    expect(allowed).toHaveLength(legalOrder.length);
  });

  it.each(pairs(ORDER_STATUSES).filter(([from, to]) => !orderLifecycle[from].includes(to)))('refuses an order going from %s to %s', (from, to) => {
    expect(checkOrderTransition(from, to).allowed).toBe(false);
    expect(() => assertOrderTransition(from, to)).toThrow(OrdersError);
  });

  it.each<[OrderStatus, OrderStatus, string]>([
    ['shipped', 'cancelled', 'NOT_ALLOWED'],
    ['created', 'shipped', 'NOT_ALLOWED'],
    ['sourced', 'created', 'NOT_ALLOWED'],
    ['cancelled', 'sourced', 'FINAL_STATUS'],
    ['returned', 'cancelled', 'FINAL_STATUS'],
    ['sourced', 'sourced', 'SAME_STATUS'],
  ])('refuses an order going from %s to %s with %s', (from, to, reason) => {
    expect(checkOrderTransition(from, to)).toEqual({ allowed: false, reason });
    try {
      assertOrderTransition(from, to);
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(OrdersError);
      expect(error).toMatchObject({ kind: 'precondition', code: 'ILLEGAL_TRANSITION', details: { entity: 'order', from, to, reason } });
    }
  });

  it('refuses statuses it does not know', () => {
    expect(checkOrderTransition('created', 'teleported')).toEqual({ allowed: false, reason: 'UNKNOWN_STATUS' });
    expect(checkOrderTransition('toString', 'created')).toEqual({ allowed: false, reason: 'UNKNOWN_STATUS' });
  });
});

describe('order line state machine', () => {
  it.each(legalLine)('allows a line to go from %s to %s', (from, to) => {
    expect(checkOrderLineTransition(from, to)).toEqual({ allowed: true });
    expect(() => assertOrderLineTransition(from, to)).not.toThrow();
  });

  it('allows exactly the listed line transitions and refuses every other pair', () => {
    const allowed = pairs(ORDER_LINE_STATUSES).filter(([from, to]) => checkOrderLineTransition(from, to).allowed);
    expect(allowed).toEqual(expect.arrayContaining(legalLine));
    expect(allowed).toHaveLength(legalLine.length);
  });

  it.each(pairs(ORDER_LINE_STATUSES).filter(([from, to]) => !lineLifecycle[from].includes(to)))('refuses a line going from %s to %s', (from, to) => {
    expect(checkOrderLineTransition(from, to).allowed).toBe(false);
    expect(() => assertOrderLineTransition(from, to)).toThrow(OrdersError);
  });

  it.each<[OrderLineStatus, OrderLineStatus, string]>([
    ['shipped', 'cancelled', 'NOT_ALLOWED'],
    ['returned', 'shipped', 'FINAL_STATUS'],
    ['cancelled', 'sourced', 'FINAL_STATUS'],
    ['created', 'created', 'SAME_STATUS'],
  ])('refuses a line going from %s to %s with %s', (from, to, reason) => {
    expect(() => assertOrderLineTransition(from, to)).toThrow(
      expect.objectContaining({ code: 'ILLEGAL_TRANSITION', details: expect.objectContaining({ entity: 'order_line', reason }) }),
    );
  });
});

describe(transitionTableProblems.name, () => {
  it('finds nothing wrong with the shipped tables', () => {
    expect(transitionTableProblems(ORDER_TRANSITIONS)).toEqual([]);
    expect(transitionTableProblems(ORDER_LINE_TRANSITIONS)).toEqual([]);
  });

  it('reports unknown targets and self-transitions', () => {
    const broken = { a: ['b', 'a'], b: ['z'] } as unknown as Record<'a' | 'b', readonly ('a' | 'b')[]>;
    expect(transitionTableProblems(broken)).toEqual(['a → a: self-transition', 'b → z: unknown target status']);
  });
});
