import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { CONTEXT_HEADERS, JsonLogger } from '@baton/platform';
import { principalOf } from '../auth/principal';

/**
 * One log line per request once it is answered: method, path, status, duration, the correlation
 * id (the same one the client got back and the services logged) and the key that called.
 */
@Injectable()
export class RequestLoggingMiddleware implements NestMiddleware {
  constructor(private readonly logger: JsonLogger) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const principal = principalOf(req);
      this.logger.log(
        `${req.method} ${req.path} ${res.statusCode}`,
        {
          method: req.method,
          path: req.path,
          status: res.statusCode,
          durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
          correlationId: res.getHeader(CONTEXT_HEADERS.correlationId),
          tenantId: principal?.tenantId,
          keyId: principal?.keyId,
          partnerId: principal?.partnerId,
        },
        'HttpRequest',
      );
    });
    next();
  }
}
