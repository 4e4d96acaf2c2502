/**
 * What kind of failure a domain error is. Each kind maps to exactly one gRPC status and, through
 * it, to one HTTP status, so an error keeps its meaning across every hop.
 */
export type ErrorKind =
  | 'invalid'
  | 'not_found'
  | 'conflict'
  | 'precondition'
  | 'unauthenticated'
  | 'forbidden'
  | 'unavailable'
  | 'internal';

export interface FieldViolation {
  field: string;
  message: string;
}

/**
 * Base of every service's coded error (`InventoryError`, `OrdersError`, …). Services throw these,
 * never transport exceptions; the transports map them once.
 */
export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
    readonly violations: FieldViolation[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Raised when input fails validation; carries every violated field. */
export class ValidationError extends DomainError {
  constructor(violations: FieldViolation[], message = 'The request is invalid') {
    super('invalid', 'VALIDATION_FAILED', message, {}, violations);
  }
}

/** Exhaustiveness guard for switch statements over closed unions. */
export function assertUnreachable(value: never): never {
  throw new Error(`Unreachable value: ${JSON.stringify(value)}`);
}
