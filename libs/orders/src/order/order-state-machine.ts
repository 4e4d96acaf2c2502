import { OrdersError } from './orders.errors';

export const ORDER_STATUSES = [
  'created',
  'on_hold',
  'sourced',
  'backordered',
  'partially_shipped',
  'shipped',
  'ready_for_pickup',
  'delivered',
  'collected',
  'completed',
  'partially_cancelled',
  'cancelled',
  'partially_returned',
  'returned',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const ORDER_LINE_STATUSES = [
  'created',
  'sourced',
  'backordered',
  'partially_shipped',
  'shipped',
  'ready_for_pickup',
  'delivered',
  'collected',
  'completed',
  'partially_cancelled',
  'cancelled',
  'partially_returned',
  'returned',
] as const;
export type OrderLineStatus = (typeof ORDER_LINE_STATUSES)[number];

type TransitionTable<S extends string> = Readonly<Record<S, readonly S[]>>;

/**
 * The order lifecycle. An order is stored once every line is reserved or backordered (`created`
 * is its state during capture); it may be held (manually or by a rule) at any point before it is
 * fully out; `partially_*` states say that some lines (or quantities) are already further, or
 * cancelled. Cancellation is possible until everything has shipped or been collected; returns
 * follow delivery or collection. `returned` and `cancelled` are final.
 */
export const ORDER_TRANSITIONS: TransitionTable<OrderStatus> = {
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

/**
 * The lifecycle of one order line. A line is never on hold itself (holds are the order's); its
 * quantity may be cancelled in part (`partially_cancelled`) and the rest goes on. `returned` and
 * `cancelled` are final.
 */
export const ORDER_LINE_TRANSITIONS: TransitionTable<OrderLineStatus> = {
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

/** Why a transition was refused. */
export type TransitionRefusal = 'UNKNOWN_STATUS' | 'SAME_STATUS' | 'FINAL_STATUS' | 'NOT_ALLOWED';

export type TransitionCheck = { allowed: true } | { allowed: false; reason: TransitionRefusal };

function checkTransition<S extends string>(table: TransitionTable<S>, from: string, to: string): TransitionCheck {
  if (!Object.hasOwn(table, from) || !Object.hasOwn(table, to)) return { allowed: false, reason: 'UNKNOWN_STATUS' };
  if (from === to) return { allowed: false, reason: 'SAME_STATUS' };
  const targets: readonly string[] = table[from as S];
  if (targets.length === 0) return { allowed: false, reason: 'FINAL_STATUS' };
  return targets.includes(to) ? { allowed: true } : { allowed: false, reason: 'NOT_ALLOWED' };
}

/**
 * Problems in a transitions table: a target that is not a status, or a self-loop. Checked when
 * this module loads, so a broken table stops the service at boot rather than at the first order.
 */
export function transitionTableProblems<S extends string>(table: TransitionTable<S>): string[] {
  const problems: string[] = [];
  for (const [from, targets] of Object.entries<readonly string[]>(table)) {
    for (const to of targets) {
      if (!Object.hasOwn(table, to)) problems.push(`${from} → ${to}: unknown target status`);
      if (to === from) problems.push(`${from} → ${to}: self-transition`);
    }
  }
  return problems;
}

for (const [name, table] of [
  ['order', ORDER_TRANSITIONS],
  ['order line', ORDER_LINE_TRANSITIONS],
] as const) {
  const problems = transitionTableProblems<string>(table);
  if (problems.length > 0) throw new Error(`Invalid ${name} transitions table: ${problems.join('; ')}`);
}

export function checkOrderTransition(from: string, to: string): TransitionCheck {
  return checkTransition(ORDER_TRANSITIONS, from, to);
}

export function checkOrderLineTransition(from: string, to: string): TransitionCheck {
  return checkTransition(ORDER_LINE_TRANSITIONS, from, to);
}

function refuse(entity: 'order' | 'order_line', from: string, to: string, check: TransitionCheck): void {
  if (check.allowed) return;
  throw new OrdersError('ILLEGAL_TRANSITION', `An ${entity.replace('_', ' ')} cannot go from ${from} to ${to}`, {
    entity,
    from,
    to,
    reason: check.reason,
  });
}

/** Guard: refuses an illegal order transition with ILLEGAL_TRANSITION and the reason code. */
export function assertOrderTransition(from: OrderStatus, to: OrderStatus): void {
  refuse('order', from, to, checkOrderTransition(from, to));
}

/** Guard: refuses an illegal order line transition with ILLEGAL_TRANSITION and the reason code. */
export function assertOrderLineTransition(from: OrderLineStatus, to: OrderLineStatus): void {
  refuse('order_line', from, to, checkOrderLineTransition(from, to));
}
