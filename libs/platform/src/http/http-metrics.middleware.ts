import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { ServiceMetrics } from '../metrics/metrics-registry';
import { SERVICE_METRICS } from '../platform.tokens';

/**
 * Counts and times every HTTP request by route template (not raw path, to bound label
 * cardinality) and status code into `baton_requests_total` / `baton_request_duration_seconds`.
 */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(@Inject(SERVICE_METRICS) private readonly metrics: ServiceMetrics) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const route = (req.route as { path?: unknown } | undefined)?.path;
      const labels = {
        transport: 'http',
        method: `${req.method} ${typeof route === 'string' ? `${req.baseUrl}${route}` : 'unmatched'}`,
        code: String(res.statusCode),
      };
      this.metrics.requests.inc(labels);
      this.metrics.requestDuration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
    });
    next();
  }
}
