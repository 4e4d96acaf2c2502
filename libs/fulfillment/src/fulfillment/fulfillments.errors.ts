import { DomainError, type ErrorKind } from '@baton/domain';

/** Every code the fulfillment service refuses with, and the one kind each code always maps to. */
export const FULFILLMENT_ERROR_KINDS = {
  ILLEGAL_TRANSITION: 'precondition',
} as const satisfies Record<string, ErrorKind>;

export type FulfillmentErrorCode = keyof typeof FULFILLMENT_ERROR_KINDS;

/** A refusal of the fulfillment service; its kind follows from its code. */
export class FulfillmentError extends DomainError {
  constructor(
    override readonly code: FulfillmentErrorCode,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(FULFILLMENT_ERROR_KINDS[code], code, message, details);
  }
}
