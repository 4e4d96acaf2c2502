import { z } from 'zod';
import { ConfigError } from '@baton/platform';

export const ORDERS_SETTINGS = Symbol('ORDERS_SETTINGS');

/** Settings only the orders service has, beside the common service configuration. */
export interface OrdersSettings {
  /** How long inventory holds a placement's reservations before they expire unconfirmed. */
  reservationTtlSeconds: number;
  /** Ask fulfillment for location load (sourcing) and existing work (cancellation). */
  consultFulfillment: boolean;
}

const schema = z.object({
  ORDERS_RESERVATION_TTL_SECONDS: z.coerce
    .number({ error: 'must be a number' })
    .int('must be an integer')
    .min(5, 'must be at least 5')
    .max(86_400, 'must be at most 86400')
    .default(900),
  ORDERS_CONSULT_FULFILLMENT: z.enum(['true', 'false'], { error: 'must be true or false' }).default('true'),
});

/** Reads the orders service's own settings; a bad value stops the process naming the variable. */
export function loadOrdersSettings(env: NodeJS.ProcessEnv = process.env): OrdersSettings {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      'orders',
      parsed.error.issues.map((issue) => ({ variable: issue.path.join('.'), problem: issue.message })),
    );
  }
  return {
    reservationTtlSeconds: parsed.data.ORDERS_RESERVATION_TTL_SECONDS,
    consultFulfillment: parsed.data.ORDERS_CONSULT_FULFILLMENT === 'true',
  };
}
