import { z } from 'zod';
import { ConfigError } from '@baton/platform';

/** Settings only the gateway has, beside the common service configuration. */
export interface GatewaySettings {
  bootstrapApiKey?: string;
  bootstrapTenant: string;
}

const schema = z.object({
  GATEWAY_BOOTSTRAP_API_KEY: z
    .string()
    .regex(/^bk_[A-Za-z0-9_-]{20,}$/, 'must start with bk_ followed by at least 20 URL-safe characters')
    .optional(),
  GATEWAY_BOOTSTRAP_TENANT: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'must be a lowercase tenant id')
    .default('demo'),
});

/** Reads the gateway's own settings; a bad value stops the process naming the variable. */
export function loadGatewaySettings(env: NodeJS.ProcessEnv = process.env): GatewaySettings {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({ variable: issue.path.join('.'), problem: issue.message }));
    throw new ConfigError('gateway', problems);
  }
  return {
    bootstrapApiKey: parsed.data.GATEWAY_BOOTSTRAP_API_KEY,
    bootstrapTenant: parsed.data.GATEWAY_BOOTSTRAP_TENANT,
  };
}
