/** An exponential retry schedule: `initialMs`, doubled on every further attempt, never above `maxMs`. */
export interface BackoffPolicy {
  initialMs: number;
  maxMs: number;
}

/**
 * The pause before retry number `attempt` (1 = the first retry). Deterministic, so a retry schedule
 * can be asserted; callers that retry in lockstep across replicas are few (one relay holds the lock,
 * redeliveries are per message), so no jitter is added.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy): number {
  const initial = Math.max(0, policy.initialMs);
  const max = Math.max(initial, policy.maxMs);
  const exponent = Math.min(Math.max(0, Math.floor(attempt) - 1), 30);
  return Math.min(initial * 2 ** exponent, max);
}
