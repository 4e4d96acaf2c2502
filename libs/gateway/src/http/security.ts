import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';
import type { HelmetOptions } from 'helmet';
import type { GatewaySettings } from '../gateway-config';

/**
 * helmet's headers, with a content security policy that still lets Swagger UI at /docs run (its
 * scripts are same-origin, its styles partly inline) and without upgrade-insecure-requests, which
 * would break /docs on a plain-HTTP local gateway.
 */
export const HELMET_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: true,
    directives: {
      'script-src': ["'self'"],
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ["'self'", 'data:'],
      'upgrade-insecure-requests': null,
    },
  },
  crossOriginResourcePolicy: { policy: 'same-site' },
};

/** CORS for the configured origins only; undefined (no CORS headers at all) when none are configured. */
export function corsOptions(settings: GatewaySettings): CorsOptions | undefined {
  if (settings.corsOrigins.length === 0) return undefined;
  return {
    origin: settings.corsOrigins.includes('*') ? '*' : settings.corsOrigins,
    methods: ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Correlation-Id', 'X-Api-Key'],
    exposedHeaders: ['X-Correlation-Id', 'Retry-After', 'Idempotent-Replayed', 'X-RateLimit-Limit', 'X-RateLimit-Remaining'],
    maxAge: 600,
  };
}
