import { HARNESS_ENV, isCi } from './harness-env';

/** URL of the NATS (with JetStream) the global setup found or started, or undefined when there is none. */
export function testNatsUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env[HARNESS_ENV.natsUrl] || undefined;
}

/**
 * `describe` when NATS is available; otherwise a loudly reported `describe.skip`, so a laptop without
 * NATS still runs the rest. Under CI=true a missing NATS is an error, never a silent skip.
 */
export function describeWithNats(name: string, fn: () => void): void {
  if (testNatsUrl()) {
    describe(name, fn);
    return;
  }
  if (isCi()) {
    throw new Error(`NATS is required when CI=true, but ${HARNESS_ENV.natsUrl} is not set (suite "${name}")`);
  }
  process.stderr.write(`\n!!! NATS UNAVAILABLE — SKIPPING SUITE "${name}" !!!\n\n`);
  describe.skip(name, fn);
}
