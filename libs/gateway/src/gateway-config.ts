import { z } from 'zod';
import { ConfigError } from '@baton/platform';

/** Settings only the gateway has, beside the common service configuration. */
export interface GatewaySettings {
  bootstrapApiKey?: string;
  /** The tenant of the bootstrap key; its admin keys are the operator's and may create tenants. */
  bootstrapTenant: string;
  /** Requests per minute an API key may make (a token bucket of that size), unless the key sets its own. */
  rateLimitPerMinute: number;
  /** Requests per minute one client address may make to public routes (webhooks, public look-ups). */
  publicRateLimitPerMinute: number;
  /** Largest JSON request body, in bytes. */
  maxBodyBytes: number;
  /** Largest CSV import body, in bytes. */
  maxImportBytes: number;
  /** How long a stored idempotent response is kept (at least 24 hours). */
  idempotencyTtlHours: number;
  /** Origins allowed by CORS; empty means CORS is off (no Access-Control-* headers). */
  corsOrigins: string[];
}

const positiveInt = (max: number) =>
  z.coerce.number({ error: 'must be a number' }).int('must be an integer').min(1, 'must be at least 1').max(max, `must be at most ${max}`);

const schema = z.object({
  GATEWAY_BOOTSTRAP_API_KEY: z
    .string()
    .regex(/^bk_[A-Za-z0-9_-]{20,}$/, 'must start with bk_ followed by at least 20 URL-safe characters')
    .optional(),
  GATEWAY_BOOTSTRAP_TENANT: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'must be a lowercase tenant id')
    .default('demo'),
  GATEWAY_RATE_LIMIT_PER_MINUTE: positiveInt(1_000_000).default(6000),
  GATEWAY_PUBLIC_RATE_LIMIT_PER_MINUTE: positiveInt(1_000_000).default(600),
  GATEWAY_MAX_BODY_BYTES: positiveInt(64 * 1024 * 1024).default(1024 * 1024),
  GATEWAY_MAX_IMPORT_BYTES: positiveInt(256 * 1024 * 1024).default(10 * 1024 * 1024),
  GATEWAY_IDEMPOTENCY_TTL_HOURS: z.coerce
    .number({ error: 'must be a number' })
    .int('must be an integer')
    .min(24, 'must be at least 24 (keys are kept at least a day)')
    .max(24 * 30, 'must be at most 720')
    .default(24),
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .refine(
      (origins) => origins.every((origin) => origin === '*' || /^https?:\/\/[^/\s]+$/.test(origin)),
      'must be a comma-separated list of origins such as https://shop.example.com (no path), or *',
    ),
});

/** Reads the gateway's own settings; a bad value stops the process naming the variable. */
export function loadGatewaySettings(env: NodeJS.ProcessEnv = process.env): GatewaySettings {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({ variable: issue.path.join('.'), problem: issue.message }));
    throw new ConfigError('gateway', problems);
  }
  const value = parsed.data;
  return {
    bootstrapApiKey: value.GATEWAY_BOOTSTRAP_API_KEY,
    bootstrapTenant: value.GATEWAY_BOOTSTRAP_TENANT,
    rateLimitPerMinute: value.GATEWAY_RATE_LIMIT_PER_MINUTE,
    publicRateLimitPerMinute: value.GATEWAY_PUBLIC_RATE_LIMIT_PER_MINUTE,
    maxBodyBytes: value.GATEWAY_MAX_BODY_BYTES,
    maxImportBytes: value.GATEWAY_MAX_IMPORT_BYTES,
    idempotencyTtlHours: value.GATEWAY_IDEMPOTENCY_TTL_HOURS,
    corsOrigins: value.CORS_ORIGINS,
  };
}
