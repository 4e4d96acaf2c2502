import { FulfillmentError } from './fulfillments.errors';

export const FULFILLMENT_STATUSES = [
  'pending',
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
  'cancelled',
] as const;
export type FulfillmentStatus = (typeof FULFILLMENT_STATUSES)[number];

/**
 * The work one location does for one order: accept → pick → pack → ship → deliver, or (pickup legs)
 * picked or packed → ready for pickup → collected / expired. A location may reject at any point
 * before the goods leave; Baton itself may withdraw (cancel) work before it leaves or is collected. `pending` is a
 * ship-to-store pickup leg waiting for its inbound transfer leg. delivered, collected, expired,
 * rejected and cancelled are final.
 */
export const FULFILLMENT_TRANSITIONS: Readonly<Record<FulfillmentStatus, readonly FulfillmentStatus[]>> = {
  pending: ['created', 'cancelled'],
  created: ['accepted', 'rejected', 'cancelled'],
  accepted: ['picking', 'rejected', 'cancelled'],
  picking: ['picked', 'rejected', 'cancelled'],
  picked: ['packed', 'ready_for_pickup', 'rejected', 'cancelled'],
  packed: ['shipped', 'ready_for_pickup', 'rejected', 'cancelled'],
  shipped: ['delivered'],
  ready_for_pickup: ['collected', 'expired', 'cancelled'],
  delivered: [],
  collected: [],
  expired: [],
  rejected: [],
  cancelled: [],
};

/** Statuses in which the goods have not left the location yet: the work can still be given back. */
export const OPEN_STATUSES: readonly FulfillmentStatus[] = ['pending', 'created', 'accepted', 'picking', 'picked', 'packed'];

/** Statuses that end the work. */
export const FINAL_STATUSES: readonly FulfillmentStatus[] = ['delivered', 'collected', 'expired', 'rejected', 'cancelled'];

/** The status every fulfilment order starts in. */
export const INITIAL_FULFILLMENT_STATUS: FulfillmentStatus = 'created';

/** Where a fulfilment order may start: `created`, or `pending` for a ship-to-store pickup leg. */
export const ENTRY_STATUSES: readonly FulfillmentStatus[] = [INITIAL_FULFILLMENT_STATUS, 'pending'];

/** Why a transition was refused. */
export type TransitionRefusal = 'UNKNOWN_STATUS' | 'SAME_STATUS' | 'FINAL_STATUS' | 'NOT_ALLOWED' | 'WRONG_LEG';

/** The kinds of work (see `FulfillmentLegType` in the event catalogue). */
export const LEG_TYPES = ['ship', 'pickup', 'transfer'] as const;
export type LegType = (typeof LEG_TYPES)[number];

/**
 * Statuses a leg type never enters: goods that leave with a carrier are never collected at the
 * location, and goods waiting for collection never ship. Only a pickup leg waits (`pending`).
 */
export const LEG_EXCLUDED_STATUSES: Readonly<Record<LegType, readonly FulfillmentStatus[]>> = {
  ship: ['pending', 'ready_for_pickup', 'collected', 'expired'],
  transfer: ['pending', 'ready_for_pickup', 'collected', 'expired'],
  pickup: ['shipped', 'delivered'],
};

export type TransitionCheck = { allowed: true } | { allowed: false; reason: TransitionRefusal };

/**
 * Problems in the transitions table: a target that is not a status, a self-loop, or a status no
 * path reaches from an entry status. Checked when this module loads, so a broken table stops the
 * service at boot.
 */
export function fulfillmentTableProblems(
  table: Readonly<Record<string, readonly string[]>> = FULFILLMENT_TRANSITIONS,
  initial: string | readonly string[] = ENTRY_STATUSES,
): string[] {
  const entries = typeof initial === 'string' ? [initial] : [...initial];
  const problems: string[] = [];
  for (const [from, targets] of Object.entries(table)) {
    for (const to of targets) {
      if (!Object.hasOwn(table, to)) problems.push(`${from} → ${to}: unknown target status`);
      if (to === from) problems.push(`${from} → ${to}: self-transition`);
    }
  }
  const reached = new Set(entries);
  const queue = [...entries];
  while (queue.length > 0) {
    for (const to of table[queue.shift() as string] ?? []) {
      if (!reached.has(to)) {
        reached.add(to);
        queue.push(to);
      }
    }
  }
  for (const status of Object.keys(table)) {
    if (!reached.has(status)) problems.push(`${status}: unreachable from ${entries.join(' or ')}`);
  }
  return problems;
}

const bootProblems = fulfillmentTableProblems();
if (bootProblems.length > 0) throw new Error(`Invalid fulfilment transitions table: ${bootProblems.join('; ')}`);

/** Whether `from → to` is in the table and, when `leg` is given, possible for that kind of work. */
export function checkFulfillmentTransition(from: string, to: string, leg?: LegType): TransitionCheck {
  const table: Readonly<Record<string, readonly string[]>> = FULFILLMENT_TRANSITIONS;
  if (!Object.hasOwn(table, from) || !Object.hasOwn(table, to)) return { allowed: false, reason: 'UNKNOWN_STATUS' };
  if (from === to) return { allowed: false, reason: 'SAME_STATUS' };
  if (table[from].length === 0) return { allowed: false, reason: 'FINAL_STATUS' };
  if (!table[from].includes(to)) return { allowed: false, reason: 'NOT_ALLOWED' };
  if (leg && (LEG_EXCLUDED_STATUSES[leg] as readonly string[]).includes(to)) return { allowed: false, reason: 'WRONG_LEG' };
  return { allowed: true };
}

/** Guard: refuses an illegal fulfilment transition with ILLEGAL_TRANSITION and the reason code. */
export function assertFulfillmentTransition(from: FulfillmentStatus, to: FulfillmentStatus, leg?: LegType): void {
  const check = checkFulfillmentTransition(from, to, leg);
  if (check.allowed) return;
  const what = check.reason === 'WRONG_LEG' ? ` (a ${leg} fulfilment never becomes ${to})` : '';
  throw new FulfillmentError('ILLEGAL_TRANSITION', `A fulfilment order cannot go from ${from} to ${to}${what}`, {
    from,
    to,
    reason: check.reason,
    ...(leg ? { legType: leg } : {}),
  });
}
