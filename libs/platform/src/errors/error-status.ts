import { status as GrpcStatus } from '@grpc/grpc-js';
import { assertUnreachable, type ErrorKind } from '@baton/domain';

/** The one gRPC status each error kind travels as. Injective, so the kind can be recovered on the other side. */
export function grpcStatusOf(kind: ErrorKind): GrpcStatus {
  switch (kind) {
    case 'invalid':
      return GrpcStatus.INVALID_ARGUMENT;
    case 'not_found':
      return GrpcStatus.NOT_FOUND;
    case 'conflict':
      return GrpcStatus.ABORTED;
    case 'precondition':
      return GrpcStatus.FAILED_PRECONDITION;
    case 'unauthenticated':
      return GrpcStatus.UNAUTHENTICATED;
    case 'forbidden':
      return GrpcStatus.PERMISSION_DENIED;
    case 'unavailable':
      return GrpcStatus.UNAVAILABLE;
    case 'internal':
      return GrpcStatus.INTERNAL;
    default:
      return assertUnreachable(kind);
  }
}

/** The HTTP status an error kind answers with at the edge. */
export function httpStatusOf(kind: ErrorKind): number {
  switch (kind) {
    case 'invalid':
      return 400;
    case 'not_found':
      return 404;
    case 'conflict':
      return 409;
    case 'precondition':
      return 422;
    case 'unauthenticated':
      return 401;
    case 'forbidden':
      return 403;
    case 'unavailable':
      return 503;
    case 'internal':
      return 500;
    default:
      return assertUnreachable(kind);
  }
}

/** The error kind a gRPC status means, for statuses produced by transports rather than by {@link grpcStatusOf}. */
export function kindOfGrpcStatus(code: number): ErrorKind {
  switch (code) {
    case GrpcStatus.INVALID_ARGUMENT:
    case GrpcStatus.OUT_OF_RANGE:
      return 'invalid';
    case GrpcStatus.NOT_FOUND:
      return 'not_found';
    case GrpcStatus.ABORTED:
    case GrpcStatus.ALREADY_EXISTS:
      return 'conflict';
    case GrpcStatus.FAILED_PRECONDITION:
      return 'precondition';
    case GrpcStatus.UNAUTHENTICATED:
      return 'unauthenticated';
    case GrpcStatus.PERMISSION_DENIED:
      return 'forbidden';
    case GrpcStatus.UNAVAILABLE:
    case GrpcStatus.DEADLINE_EXCEEDED:
    case GrpcStatus.RESOURCE_EXHAUSTED:
    case GrpcStatus.CANCELLED:
      return 'unavailable';
    default:
      return 'internal';
  }
}

/** A short machine code for an HTTP status without a domain code (e.g. NOT_FOUND for a missing route). */
export function codeOfHttpStatus(status: number): string {
  switch (status) {
    case 400:
      return 'BAD_REQUEST';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 405:
      return 'METHOD_NOT_ALLOWED';
    case 409:
      return 'CONFLICT';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 415:
      return 'UNSUPPORTED_MEDIA_TYPE';
    case 422:
      return 'UNPROCESSABLE';
    case 429:
      return 'TOO_MANY_REQUESTS';
    case 503:
      return 'SERVICE_UNAVAILABLE';
    default:
      return status >= 500 ? 'INTERNAL' : 'BAD_REQUEST';
  }
}
