import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError } from '@baton/platform';
import { DEFAULT_CARRIER_TABLES } from './carriers/default-carrier-tables';
import { parseTableRateCarriers, type TableRateCarrierConfig } from './carriers/table-rate-config';

export const FULFILLMENT_SETTINGS = Symbol('FULFILLMENT_SETTINGS');

/** Settings only fulfillment has, beside the common service configuration. */
export interface FulfillmentSettings {
  /** How often the pick/pack and pickup timers run; 0 turns them off (tests drive them directly). */
  timerIntervalMs: number;
  /** The table-rate carriers: the built-in examples, or an operator's file. */
  carrierTables: TableRateCarrierConfig[];
}

const schema = z.object({
  FULFILLMENT_TIMER_INTERVAL_MS: z.coerce.number().int('must be an integer').min(0, 'must be ≥ 0').default(30_000),
  FULFILLMENT_CARRIER_TABLES: z.string().min(1).optional(),
});

/**
 * Reads fulfillment's own settings: `FULFILLMENT_TIMER_INTERVAL_MS` and
 * `FULFILLMENT_CARRIER_TABLES` (path of a JSON file of table-rate carriers). A bad value stops the
 * process naming the variable and what is wrong.
 */
export function loadFulfillmentSettings(env: NodeJS.ProcessEnv = process.env): FulfillmentSettings {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      'fulfillment',
      parsed.error.issues.map((issue) => ({ variable: issue.path.join('.'), problem: issue.message })),
    );
  }
  let tables: unknown = DEFAULT_CARRIER_TABLES;
  const file = parsed.data.FULFILLMENT_CARRIER_TABLES;
  if (file) {
    try {
      tables = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new ConfigError('fulfillment', [
        { variable: 'FULFILLMENT_CARRIER_TABLES', problem: `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}` },
      ]);
    }
  }
  try {
    return { timerIntervalMs: parsed.data.FULFILLMENT_TIMER_INTERVAL_MS, carrierTables: parseTableRateCarriers(tables) };
  } catch (error) {
    throw new ConfigError('fulfillment', [
      { variable: 'FULFILLMENT_CARRIER_TABLES', problem: error instanceof Error ? error.message : String(error) },
    ]);
  }
}
