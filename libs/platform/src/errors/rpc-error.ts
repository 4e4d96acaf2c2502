import { Metadata, status as GrpcStatus } from '@grpc/grpc-js';
import { RpcException } from '@nestjs/microservices';
import { DomainError, type FieldViolation } from '@baton/domain';
import { grpcStatusOf, kindOfGrpcStatus } from './error-status';
import { RemoteError } from './remote-error';

/** Trailer carrying the JSON body {code, message, details, violations} of a domain error across gRPC. */
export const ERROR_METADATA_KEY = 'x-error-bin';

/** What a gRPC status error carries on the wire. */
export interface RpcStatusError {
  code: GrpcStatus;
  details: string;
  metadata: Metadata;
}

interface ErrorBody {
  code: string;
  message: string;
  details: Record<string, unknown>;
  violations: FieldViolation[];
}

/**
 * Maps any error thrown by a gRPC handler to a gRPC status. A DomainError keeps its kind (as the
 * status) and its code, details and violations (as JSON in the `x-error-bin` trailer); anything
 * else becomes INTERNAL without its message, so no internals leak to the caller.
 */
export function toRpcError(err: unknown): RpcException {
  if (err instanceof RpcException) return err;
  const domain =
    err instanceof DomainError ? err : new DomainError('internal', 'INTERNAL', 'Internal error');
  const body: ErrorBody = {
    code: domain.code,
    message: domain.message,
    details: domain.details,
    violations: domain.violations,
  };
  const metadata = new Metadata();
  metadata.set(ERROR_METADATA_KEY, Buffer.from(JSON.stringify(body), 'utf8'));
  const status: RpcStatusError = { code: grpcStatusOf(domain.kind), details: domain.message, metadata };
  return new RpcException(status);
}

/**
 * Rebuilds the callee's domain error from a gRPC error: kind from the status, code/details/violations
 * from the `x-error-bin` trailer. Transport failures without that trailer (no server, deadline
 * exceeded) become kind 'unavailable', code SERVICE_UNAVAILABLE.
 */
export function fromGrpcError(err: unknown): RemoteError {
  if (err instanceof RemoteError) return err;
  const candidate = (err ?? {}) as { code?: unknown; details?: unknown; message?: unknown; metadata?: unknown };
  const code = typeof candidate.code === 'number' ? candidate.code : GrpcStatus.UNKNOWN;
  const kind = kindOfGrpcStatus(code);
  const text =
    typeof candidate.details === 'string' && candidate.details !== ''
      ? candidate.details
      : typeof candidate.message === 'string'
        ? candidate.message
        : 'Remote call failed';
  const body = candidate.metadata instanceof Metadata ? readBody(candidate.metadata) : undefined;
  if (body) return new RemoteError(kind, body.code, body.message, body.details, body.violations, code);
  if (kind === 'unavailable') return new RemoteError(kind, 'SERVICE_UNAVAILABLE', text, {}, [], code);
  return new RemoteError(kind, kind === 'internal' ? 'INTERNAL' : GrpcStatus[code] ?? 'UNKNOWN', text, {}, [], code);
}

function readBody(metadata: Metadata): ErrorBody | undefined {
  const [raw] = metadata.get(ERROR_METADATA_KEY);
  if (raw === undefined) return undefined;
  try {
    const parsed = JSON.parse(Buffer.isBuffer(raw) ? raw.toString('utf8') : raw) as Partial<ErrorBody>;
    if (typeof parsed.code !== 'string') return undefined;
    return {
      code: parsed.code,
      message: typeof parsed.message === 'string' ? parsed.message : '',
      details: parsed.details && typeof parsed.details === 'object' ? parsed.details : {},
      violations: Array.isArray(parsed.violations) ? parsed.violations : [],
    };
  } catch {
    return undefined;
  }
}
