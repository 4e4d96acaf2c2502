import { ReturnsError } from './returns.errors';

export const RETURN_STATUSES = [
  'authorised',
  'in_transit',
  'received',
  'inspected',
  'completed',
  'rejected',
  'cancelled',
] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

type TransitionTable<S extends string> = Readonly<Record<S, readonly S[]>>;

/**
 * The return lifecycle. A mail return goes authorised → in transit → received; a return brought
 * to a store goes from authorised straight to received. Further partial receipts keep a return in
 * `received`; inspection closes receiving; disposition completes it. A return can be cancelled
 * only before anything arrived, and rejected only after the goods were seen. `completed`,
 * `rejected` and `cancelled` are final.
 */
export const RETURN_TRANSITIONS: TransitionTable<ReturnStatus> = {
  authorised: ['in_transit', 'received', 'cancelled'],
  in_transit: ['received', 'cancelled'],
  received: ['inspected', 'rejected'],
  inspected: ['completed', 'rejected'],
  completed: [],
  rejected: [],
  cancelled: [],
};

/** Statuses in which goods may still be received. */
export const RECEIVABLE_STATUSES: readonly ReturnStatus[] = ['authorised', 'in_transit', 'received'];

/** Why a transition was refused. */
export type TransitionRefusal = 'UNKNOWN_STATUS' | 'SAME_STATUS' | 'FINAL_STATUS' | 'NOT_ALLOWED';

export type TransitionCheck = { allowed: true } | { allowed: false; reason: TransitionRefusal };

/**
 * Problems in a transitions table: a target that is not a status, or a self-loop. Checked when
 * this module loads, so a broken table stops the service at boot rather than at the first return.
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

const bootProblems = transitionTableProblems<string>(RETURN_TRANSITIONS);
if (bootProblems.length > 0) throw new Error(`Invalid return transitions table: ${bootProblems.join('; ')}`);

export function checkReturnTransition(from: string, to: string): TransitionCheck {
  if (!Object.hasOwn(RETURN_TRANSITIONS, from) || !Object.hasOwn(RETURN_TRANSITIONS, to)) {
    return { allowed: false, reason: 'UNKNOWN_STATUS' };
  }
  if (from === to) return { allowed: false, reason: 'SAME_STATUS' };
  const targets: readonly string[] = RETURN_TRANSITIONS[from as ReturnStatus];
  if (targets.length === 0) return { allowed: false, reason: 'FINAL_STATUS' };
  return targets.includes(to) ? { allowed: true } : { allowed: false, reason: 'NOT_ALLOWED' };
}

/** Guard: refuses an illegal return transition with ILLEGAL_TRANSITION and the reason code. */
export function assertReturnTransition(returnId: string, from: ReturnStatus, to: ReturnStatus): void {
  const check = checkReturnTransition(from, to);
  if (check.allowed) return;
  throw new ReturnsError('ILLEGAL_TRANSITION', `Return ${returnId} is ${from} and cannot become ${to}`, {
    returnId,
    from,
    to,
    reason: check.reason,
  });
}

/** Whether no further transition is possible. */
export function isFinalStatus(status: ReturnStatus): boolean {
  return RETURN_TRANSITIONS[status].length === 0;
}
