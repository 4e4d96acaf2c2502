import { FulfillmentError } from './fulfillments.errors';

export const FULFILLMENT_STATUSES = [
  'created',
  'accepted',
  'picking',
  'picked',
  'packed',
  'shipped',
  'delivered',
  'ready_for_pickup',
  'collected',
  'expired',
  'rejected',
] as const;
export type FulfillmentStatus = (typeof FULFILLMENT_STATUSES)[number];

/**
 * The work one location does for one order: accept → pick → pack → ship → deliver, or from packed
 * → ready for pickup → collected / expired. A location may reject at any point before the goods
 * leave; delivered, collected, expired and rejected are final.
 */
export const FULFILLMENT_TRANSITIONS: Readonly<Record<FulfillmentStatus, readonly FulfillmentStatus[]>> = {
  created: ['accepted', 'rejected'],
  accepted: ['picking', 'rejected'],
  picking: ['picked', 'rejected'],
  picked: ['packed', 'rejected'],
  packed: ['shipped', 'ready_for_pickup', 'rejected'],
  shipped: ['delivered'],
  ready_for_pickup: ['collected', 'expired'],
  delivered: [],
  collected: [],
  expired: [],
  rejected: [],
};

/** The status every fulfilment order starts in. */
export const INITIAL_FULFILLMENT_STATUS: FulfillmentStatus = 'created';

/** Why a transition was refused. */
export type TransitionRefusal = 'UNKNOWN_STATUS' | 'SAME_STATUS' | 'FINAL_STATUS' | 'NOT_ALLOWED';

export type TransitionCheck = { allowed: true } | { allowed: false; reason: TransitionRefusal };

/**
 * Problems in the transitions table: a target that is not a status, a self-loop, or a status no
 * path reaches from the initial one. Checked when this module loads, so a broken table stops the
 * service at boot.
 */
export function fulfillmentTableProblems(
  table: Readonly<Record<string, readonly string[]>> = FULFILLMENT_TRANSITIONS,
  initial: string = INITIAL_FULFILLMENT_STATUS,
): string[] {
  const problems: string[] = [];
  for (const [from, targets] of Object.entries(table)) {
    for (const to of targets) {
      if (!Object.hasOwn(table, to)) problems.push(`${from} → ${to}: unknown target status`);
      if (to === from) problems.push(`${from} → ${to}: self-transition`);
    }
  }
  const reached = new Set([initial]);
  const queue = [initial];
  while (queue.length > 0) {
    for (const to of table[queue.shift() as string] ?? []) {
      if (!reached.has(to)) {
        reached.add(to);
        queue.push(to);
      }
    }
  }
  for (const status of Object.keys(table)) {
    if (!reached.has(status)) problems.push(`${status}: unreachable from ${initial}`);
  }
  return problems;
}

const bootProblems = fulfillmentTableProblems();
if (bootProblems.length > 0) throw new Error(`Invalid fulfilment transitions table: ${bootProblems.join('; ')}`);

export function checkFulfillmentTransition(from: string, to: string): TransitionCheck {
  const table: Readonly<Record<string, readonly string[]>> = FULFILLMENT_TRANSITIONS;
  if (!Object.hasOwn(table, from) || !Object.hasOwn(table, to)) return { allowed: false, reason: 'UNKNOWN_STATUS' };
  if (from === to) return { allowed: false, reason: 'SAME_STATUS' };
  if (table[from].length === 0) return { allowed: false, reason: 'FINAL_STATUS' };
  return table[from].includes(to) ? { allowed: true } : { allowed: false, reason: 'NOT_ALLOWED' };
}

/** Guard: refuses an illegal fulfilment transition with ILLEGAL_TRANSITION and the reason code. */
export function assertFulfillmentTransition(from: FulfillmentStatus, to: FulfillmentStatus): void {
  const check = checkFulfillmentTransition(from, to);
  if (check.allowed) return;
  throw new FulfillmentError('ILLEGAL_TRANSITION', `A fulfilment order cannot go from ${from} to ${to}`, {
    from,
    to,
    reason: check.reason,
  });
}
