import { DomainError, type ErrorKind } from '@baton/domain';

/** Every code the fulfillment service refuses with, and the one kind each code always maps to. */
export const FULFILLMENT_ERROR_KINDS = {
  FULFILLMENT_NOT_FOUND: 'not_found',
  PICK_LIST_NOT_FOUND: 'not_found',
  SHIPMENT_NOT_FOUND: 'not_found',
  CARRIER_NOT_FOUND: 'not_found',
  ILLEGAL_TRANSITION: 'precondition',
  CAPACITY_EXCEEDED: 'conflict',
  UNKNOWN_LINE: 'invalid',
  QUANTITY_EXCEEDED: 'invalid',
  SCAN_MISMATCH: 'invalid',
  PACKAGES_MISMATCH: 'invalid',
  LOCATION_MISMATCH: 'invalid',
  NOTHING_TO_PICK: 'precondition',
  NOTHING_PICKED: 'precondition',
  NO_DESTINATION: 'precondition',
  NO_CARRIER_SERVICE: 'precondition',
  PICKUP_CODE_INVALID: 'precondition',
  CARRIER_FAILED: 'unavailable',
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
