import { DomainError, type ErrorKind, type FieldViolation } from '@baton/domain';

/**
 * A domain error raised by another service and received over gRPC. It keeps the callee's kind and
 * code, so the caller (and the gateway after it) answers with the callee's meaning.
 */
export class RemoteError extends DomainError {
  constructor(
    kind: ErrorKind,
    code: string,
    message: string,
    details: Record<string, unknown> = {},
    violations: FieldViolation[] = [],
    readonly grpcCode: number = 2,
  ) {
    super(kind, code, message, details, violations);
  }
}
