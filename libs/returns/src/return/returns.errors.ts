import { DomainError, type ErrorKind } from '@baton/domain';

/** Every code the returns service refuses with, and the one kind each code always maps to. */
export const RETURNS_ERROR_KINDS = {
  RETURN_NOT_FOUND: 'not_found',
  /** The line cannot come back at all: not shipped, outside the window, non-returnable, final sale. */
  LINE_NOT_RETURNABLE: 'precondition',
  /** More units than are left to return (other returns already hold them). */
  RETURN_QUANTITY_EXCEEDED: 'conflict',
  LOCATION_NOT_ACCEPTING_RETURNS: 'precondition',
  ILLEGAL_TRANSITION: 'precondition',
  /** A receipt of more units than the return authorised; extra items are recorded as unexpected. */
  RECEIPT_EXCEEDS_AUTHORISED: 'conflict',
  INSPECTION_INCOMPLETE: 'precondition',
  REFUND_NOT_FOUND: 'not_found',
  REFUND_ALREADY_SETTLED: 'conflict',
  /** A return whose exchange order is still open cannot be cancelled; cancel that order first. */
  EXCHANGE_ORDER_OPEN: 'precondition',
} as const satisfies Record<string, ErrorKind>;

export type ReturnsErrorCode = keyof typeof RETURNS_ERROR_KINDS;

/** A refusal of the returns service; its kind follows from its code, so callers can rely on either. */
export class ReturnsError extends DomainError {
  constructor(
    override readonly code: ReturnsErrorCode,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(RETURNS_ERROR_KINDS[code], code, message, details);
  }
}
