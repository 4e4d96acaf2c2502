import { type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Observable, catchError, from, mergeMap, of, throwError } from 'rxjs';
import { DomainError, ValidationError } from '@baton/domain';
import { ProblemJsonFilter, currentContext } from '@baton/platform';
import type { GatewaySettings } from '../gateway-config';
import { GATEWAY_SETTINGS } from '../gateway.tokens';
import { IdempotencyKeysRepository } from './idempotency-keys.repository';
import { requestFingerprint } from './request-fingerprint';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
export const REPLAYED_HEADER = 'Idempotent-Replayed';
const ACCEPTABLE_KEY = /^[\x21-\x7e]{1,255}$/;
/** Refusals that mean "this request ran and the rules said no": the same request gets the same answer. */
const REPLAYABLE_ERRORS = new Set([404, 409, 422]);
/** An in-flight claim older than this belonged to a request whose gateway died; it may be taken over. */
const STALE_AFTER_MS = 120_000;

/**
 * Stripe's idempotency keys on every POST. With an `Idempotency-Key` header, the first request
 * with that key (per tenant) runs and its response — status and exact body — is stored for
 * GATEWAY_IDEMPOTENCY_TTL_HOURS; a retry with the same body gets the stored response (marked
 * `Idempotent-Replayed: true`), a reuse with another body 422, and a request while the first is
 * still running 409. Invalid input (400) and failures (5xx) are not stored: the key is given back
 * so the client can retry once the cause is fixed.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly problems = new ProblemJsonFilter();

  constructor(
    private readonly keys: IdempotencyKeysRepository,
    @Inject(GATEWAY_SETTINGS) private readonly settings: GatewaySettings,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    const key = request.header(IDEMPOTENCY_HEADER);
    if (request.method !== 'POST' || key === undefined || !currentContext()?.tenantId) return next.handle();
    if (!ACCEPTABLE_KEY.test(key)) {
      return throwError(
        () => new ValidationError([{ field: IDEMPOTENCY_HEADER, message: 'must be 1-255 visible ASCII characters' }]),
      );
    }
    const fingerprint = requestFingerprint(request.method, request.originalUrl, request.body);
    const staleBefore = new Date(Date.now() - STALE_AFTER_MS);
    return from(this.keys.claim(key, fingerprint, this.settings.idempotencyTtlHours, staleBefore)).pipe(
      mergeMap((claim) => {
        switch (claim.outcome) {
          case 'mismatch':
            throw new DomainError(
              'precondition',
              'IDEMPOTENCY_KEY_REUSED',
              'This Idempotency-Key was used for a different request; use a new key for a new request',
            );
          case 'in_flight':
            throw new DomainError(
              'conflict',
              'IDEMPOTENCY_KEY_IN_USE',
              'A request with this Idempotency-Key is still being processed; retry when it has finished',
            );
          case 'replay':
            response.status(claim.status).type(claim.contentType).setHeader(REPLAYED_HEADER, 'true');
            return of(claim.body === '' ? undefined : (JSON.parse(claim.body) as unknown));
          case 'claimed':
            return next.handle().pipe(
              mergeMap(async (body: unknown) => {
                await this.keys.complete(key, claim.token, {
                  status: response.statusCode,
                  contentType: 'application/json',
                  body: body === undefined ? '' : JSON.stringify(body),
                });
                return body;
              }),
              catchError((error: unknown) => from(this.settle(key, claim.token, error)).pipe(mergeMap(() => throwError(() => error)))),
            );
        }
      }),
    );
  }

  /** After a failed request: store a replayable refusal exactly as the client will see it, else give the key back. */
  private async settle(key: string, token: string, error: unknown): Promise<void> {
    const problem = this.problems.problemOf(error);
    if (REPLAYABLE_ERRORS.has(problem.status)) {
      await this.keys.complete(key, token, {
        status: problem.status,
        contentType: 'application/problem+json',
        body: JSON.stringify(problem),
      });
    } else {
      await this.keys.release(key, token);
    }
  }
}
