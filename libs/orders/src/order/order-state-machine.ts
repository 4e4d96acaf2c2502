import { OrdersError } from './orders.errors';

export const ORDER_STATUSES = ['created', 'sourced', 'shipped', 'delivered', 'completed', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const ORDER_LINE_STATUSES = ['created', 'sourced', 'shipped', 'delivered', 'cancelled'] as const;
export type OrderLineStatus = (typeof ORDER_LINE_STATUSES)[number];

type TransitionTable<S extends string> = Readonly<Record<S, readonly S[]>>;

/**
 * The order lifecycle. `sourced` means every line holds a reservation; an order can be cancelled
 * only until it ships; `completed` and `cancelled` are final.
 */
export const ORDER_TRANSITIONS: TransitionTable<OrderStatus> = {
  created: ['sourced', 'cancelled'],
  sourced: ['shipped', 'cancelled'],
  shipped: ['delivered'],
  delivered: ['completed'],
  completed: [],
  cancelled: [],
};

/** The lifecycle of one order line; a line is final once delivered or cancelled. */
export const ORDER_LINE_TRANSITIONS: TransitionTable<OrderLineStatus> = {
  created: ['sourced', 'cancelled'],
  sourced: ['shipped', 'cancelled'],
  shipped: ['delivered'],
  delivered: [],
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
