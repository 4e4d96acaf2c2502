/** The state of one token bucket: tokens left and when it was last refilled. */
export interface BucketState {
  tokens: number;
  refilledAt: number;
}

export type TakeResult = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

/**
 * Takes one token from a bucket holding at most `perMinute` tokens and refilling `perMinute`
 * tokens a minute, continuously. Pure: the caller keeps the state and passes the clock, so bursts
 * up to the limit are allowed and the long-run rate never exceeds it.
 */
export function takeToken(state: BucketState, perMinute: number, now: number): TakeResult {
  const ratePerMs = perMinute / 60_000;
  const elapsed = Math.max(0, now - state.refilledAt);
  state.tokens = Math.min(perMinute, state.tokens + elapsed * ratePerMs);
  state.refilledAt = now;
  if (state.tokens >= 1) {
    state.tokens -= 1;
    return { allowed: true, remaining: Math.floor(state.tokens) };
  }
  const missing = 1 - state.tokens;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(missing / ratePerMs / 1000)) };
}

/** A bucket that has not been touched for a minute is full again, so it can be forgotten. */
export function isIdle(state: BucketState, now: number): boolean {
  return now - state.refilledAt >= 60_000;
}
