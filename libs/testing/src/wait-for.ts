export interface WaitForOptions {
  /** Give up after this long (default 10 000 ms). */
  timeoutMs?: number;
  /** Pause between attempts (default 100 ms). */
  intervalMs?: number;
  /** Names what was awaited in the timeout error. */
  message?: string;
}

/**
 * Polls `predicate` until it returns a truthy value and resolves with that value. A predicate that
 * throws counts as "not yet"; its last error is quoted when the wait times out. Tests use it for
 * eventually-consistent outcomes (an event handled, a projection updated) instead of sleeping.
 * The timeout error's stack starts at the caller, so a failure report points at the test.
 */
export async function waitFor<T>(
  predicate: () => T | Promise<T>,
  options: WaitForOptions = {},
): Promise<NonNullable<T>> {
  const callSite = new Error('waitFor');
  const timeoutMs = options.timeoutMs ?? 10_000;
  const intervalMs = options.intervalMs ?? 100;
  const deadline = Date.now() + timeoutMs;
  let attempts = 0;
  let lastError: unknown;
  for (;;) {
    attempts += 1;
    try {
      const value = await predicate();
      if (value) {
        return value as NonNullable<T>;
      }
      lastError = undefined;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() >= deadline) {
      const what = options.message ?? 'condition';
      const cause = lastError === undefined ? '' : `; last error: ${describeError(lastError)}`;
      const error = new Error(`waitFor: ${what} not met within ${timeoutMs} ms (${attempts} attempts)${cause}`);
      error.stack = [`Error: ${error.message}`, ...(callSite.stack ?? '').split('\n').slice(2)].join('\n');
      throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(intervalMs, Math.max(0, deadline - Date.now()))));
  }
}

function describeError(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
