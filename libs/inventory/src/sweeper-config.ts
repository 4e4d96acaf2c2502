import { ConfigError } from '@baton/platform';
import { DEFAULT_SWEEPER_OPTIONS, type SweeperOptions } from './reservation/reservation-expiry.sweeper';

/**
 * The expiry sweeper's settings from the environment: INVENTORY_SWEEP_INTERVAL_MS (0 turns the
 * periodic sweep off) and INVENTORY_SWEEP_BATCH. Bad values stop the service at start.
 */
export function sweeperOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): SweeperOptions {
  const problems: { variable: string; problem: string }[] = [];
  const read = (variable: string, fallback: number, min: number, max: number): number => {
    const raw = env[variable];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push({ variable, problem: `must be a whole number from ${min} to ${max}` });
    }
    return value;
  };
  const options = {
    intervalMs: read('INVENTORY_SWEEP_INTERVAL_MS', DEFAULT_SWEEPER_OPTIONS.intervalMs, 0, 3_600_000),
    batchSize: read('INVENTORY_SWEEP_BATCH', DEFAULT_SWEEPER_OPTIONS.batchSize, 1, 10_000),
  };
  if (problems.length > 0) throw new ConfigError('inventory', problems);
  return options;
}
