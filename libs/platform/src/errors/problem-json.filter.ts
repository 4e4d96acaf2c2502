import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Optional } from '@nestjs/common';
import type { Request, Response } from 'express';
import { RpcException } from '@nestjs/microservices';
import { throwError, type Observable } from 'rxjs';
import { DomainError, type ErrorKind, type FieldViolation } from '@baton/domain';
import { JsonLogger } from '../logging/json-logger';
import { codeOfHttpStatus, httpStatusOf } from './error-status';
import { toRpcError } from './rpc-error';

/** RFC 9457 problem details, as every Baton HTTP error body. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  errors?: FieldViolation[];
  details?: Record<string, unknown>;
}

const TITLES: Record<ErrorKind, string> = {
  invalid: 'Invalid request',
  not_found: 'Not found',
  conflict: 'Conflict',
  precondition: 'Precondition failed',
  unauthenticated: 'Unauthenticated',
  forbidden: 'Forbidden',
  unavailable: 'Service unavailable',
  internal: 'Internal error',
};

/**
 * Turns every error leaving an HTTP handler into `application/problem+json`: domain errors (local
 * or from another service) by their kind and code, Nest/validation/body-parser errors by status,
 * anything else as a 500 INTERNAL whose stack goes to the log and never to the client. In a gRPC
 * context it maps the error with {@link toRpcError} instead.
 */
@Catch()
export class ProblemJsonFilter implements ExceptionFilter {
  constructor(@Optional() private readonly logger?: JsonLogger) {}

  catch(exception: unknown, host: ArgumentsHost): Observable<never> | void {
    if (host.getType() === 'rpc') {
      if (!(exception instanceof DomainError) && !(exception instanceof RpcException)) this.logUnexpected(exception);
      return throwError(() => toRpcError(exception).getError());
    }
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request>();
    const problem = this.problemOf(exception);
    if (problem.status >= 500) this.logUnexpected(exception, `${request.method} ${request.originalUrl}`);
    if (response.headersSent) return;
    response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  }

  /** The problem body for an error; exported for transports that build responses themselves. */
  problemOf(exception: unknown): ProblemDetails {
    if (exception instanceof DomainError) {
      const problem = build(httpStatusOf(exception.kind), exception.code, exception.message, TITLES[exception.kind]);
      if (exception.violations.length > 0) problem.errors = exception.violations;
      if (Object.keys(exception.details).length > 0) problem.details = exception.details;
      return problem;
    }
    if (exception instanceof HttpException) return fromHttpException(exception);
    const httpError = asClientHttpError(exception);
    if (httpError) {
      return build(httpError.status, httpError.type === 'entity.too.large' ? 'PAYLOAD_TOO_LARGE' : codeOfHttpStatus(httpError.status), httpError.message);
    }
    return build(500, 'INTERNAL', 'Internal error', TITLES.internal);
  }

  private logUnexpected(exception: unknown, where?: string): void {
    if (!this.logger) return;
    if (exception instanceof Error) this.logger.error(exception, where ?? 'ProblemJsonFilter');
    else this.logger.error(`Non-error thrown: ${String(exception)}`, where ?? 'ProblemJsonFilter');
  }
}

function build(status: number, code: string, detail: string, title = defaultTitle(status)): ProblemDetails {
  return { type: `urn:baton:problem:${code}`, title, status, code, detail };
}

function defaultTitle(status: number): string {
  if (status === 413) return 'Payload too large';
  if (status === 404) return TITLES.not_found;
  if (status === 401) return TITLES.unauthenticated;
  if (status === 403) return TITLES.forbidden;
  if (status === 409) return TITLES.conflict;
  if (status === 503) return TITLES.unavailable;
  if (status >= 500) return TITLES.internal;
  return TITLES.invalid;
}

function fromHttpException(exception: HttpException): ProblemDetails {
  const status = exception.getStatus();
  const body = exception.getResponse();
  const message = typeof body === 'string' ? body : (body as { message?: unknown }).message;
  if (status === 400 && Array.isArray(message) && message.every((m) => typeof m === 'string')) {
    const problem = build(400, 'VALIDATION_FAILED', 'The request is invalid');
    problem.errors = message.map(toViolation);
    return problem;
  }
  if (status >= 500) return build(status, codeOfHttpStatus(status), status === 503 ? 'Service unavailable' : 'Internal error');
  const detail = typeof message === 'string' ? message : exception.message;
  return build(status, codeOfHttpStatus(status), detail);
}

function toViolation(message: string): FieldViolation {
  const space = message.indexOf(' ');
  return space > 0 ? { field: message.slice(0, space), message } : { field: '', message };
}

/** Errors from body-parser and other http-errors users: an exposed 4xx status and a safe message. */
function asClientHttpError(exception: unknown): { status: number; message: string; type?: string } | undefined {
  if (!(exception instanceof Error)) return undefined;
  const candidate = exception as Error & { status?: unknown; statusCode?: unknown; expose?: unknown; type?: unknown };
  const status = typeof candidate.status === 'number' ? candidate.status : candidate.statusCode;
  if (typeof status !== 'number' || status < 400 || status >= 500 || candidate.expose !== true) return undefined;
  return { status, message: candidate.message, type: typeof candidate.type === 'string' ? candidate.type : undefined };
}
