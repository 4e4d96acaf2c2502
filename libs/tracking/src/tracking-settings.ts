import { z } from 'zod';
import { ConfigError } from '@baton/platform';
import type { BackoffPolicy } from '@baton/messaging';

/** Settings only the tracking service has, beside the common service configuration. */
export interface TrackingSettings {
  webhooks: {
    /** Attempts per delivery; after the last failed one the delivery is parked. */
    maxAttempts: number;
    /** Pause before attempt n+1, doubling from `initialMs` up to `maxMs`. */
    backoff: BackoffPolicy;
    /** How long one POST to a subscriber may take. */
    timeoutMs: number;
    /** How often the delivery and replay workers look for due work. */
    pollIntervalMs: number;
  };
  /** How often carriers without webhooks are polled for open shipments (0 = never). */
  carrierPollIntervalMs: number;
  /** An unshipped order is at risk this long before its promised date. */
  atRiskWindowMs: number;
}

const count = (min: number, max: number) =>
  z.coerce.number({ error: 'must be a number' }).int('must be an integer').min(min, `must be at least ${min}`).max(max, `must be at most ${max}`);

const schema = z.object({
  TRACKING_WEBHOOK_MAX_ATTEMPTS: count(1, 50).default(10),
  TRACKING_WEBHOOK_BACKOFF_INITIAL_MS: count(1, 86_400_000).default(30_000),
  TRACKING_WEBHOOK_BACKOFF_MAX_MS: count(1, 86_400_000).default(3_600_000),
  TRACKING_WEBHOOK_TIMEOUT_MS: count(100, 120_000).default(10_000),
  TRACKING_WEBHOOK_POLL_MS: count(10, 60_000).default(1000),
  TRACKING_CARRIER_POLL_MS: count(0, 86_400_000).default(300_000),
  TRACKING_AT_RISK_WINDOW_HOURS: count(0, 720).default(24),
});

/** Reads the tracking service's own settings; a bad value stops the process naming the variable. */
export function loadTrackingSettings(env: NodeJS.ProcessEnv = process.env): TrackingSettings {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({ variable: issue.path.join('.'), problem: issue.message }));
    throw new ConfigError('tracking', problems);
  }
  const value = parsed.data;
  return {
    webhooks: {
      maxAttempts: value.TRACKING_WEBHOOK_MAX_ATTEMPTS,
      backoff: { initialMs: value.TRACKING_WEBHOOK_BACKOFF_INITIAL_MS, maxMs: value.TRACKING_WEBHOOK_BACKOFF_MAX_MS },
      timeoutMs: value.TRACKING_WEBHOOK_TIMEOUT_MS,
      pollIntervalMs: value.TRACKING_WEBHOOK_POLL_MS,
    },
    carrierPollIntervalMs: value.TRACKING_CARRIER_POLL_MS,
    atRiskWindowMs: value.TRACKING_AT_RISK_WINDOW_HOURS * 3_600_000,
  };
}
