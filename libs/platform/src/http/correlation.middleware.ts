import { randomUUID } from 'node:crypto';
import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { CONTEXT_HEADERS, runWithContext, type RequestContext } from '../context/request-context';

const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Starts the request context of an HTTP request: keeps the caller's `x-correlation-id` (or makes
 * one), echoes it in the response, and runs the rest of the request inside that context. The
 * context object is mutable so the gateway's auth guard can add the tenant, partner and principal
 * once it has checked the credentials.
 */
@Injectable()
export class CorrelationMiddleware implements NestMiddleware {
  use(req: Request, res: Response, next: NextFunction): void {
    const given = req.header(CONTEXT_HEADERS.correlationId);
    const ctx: RequestContext = { correlationId: given && ACCEPTABLE_ID.test(given) ? given : randomUUID() };
    res.setHeader(CONTEXT_HEADERS.correlationId, ctx.correlationId);
    runWithContext(ctx, () => next());
  }
}
