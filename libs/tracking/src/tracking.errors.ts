import { DomainError, type ErrorKind, type FieldViolation } from '@baton/domain';

/** Every code the tracking service refuses with, and the one kind each code always maps to. */
export const TRACKING_ERROR_KINDS = {
  ORDER_NOT_TRACKED: 'not_found',
  TRACKING_NUMBER_NOT_FOUND: 'not_found',
  SEARCH_CRITERION_REQUIRED: 'invalid',
  INVALID_PAGE_TOKEN: 'invalid',
  CARRIER_NOT_CONFIGURED: 'unauthenticated',
  CARRIER_SIGNATURE_INVALID: 'unauthenticated',
  CARRIER_PAYLOAD_INVALID: 'invalid',
  UNKNOWN_CARRIER: 'not_found',
  WEBHOOK_URL_REFUSED: 'invalid',
  WEBHOOK_SUBSCRIPTION_NOT_FOUND: 'not_found',
  WEBHOOK_SUBSCRIPTION_INACTIVE: 'precondition',
  WEBHOOK_DELIVERY_NOT_FOUND: 'not_found',
  WEBHOOK_DELIVERY_NOT_PARKED: 'precondition',
  WEBHOOK_REPLAY_NOT_FOUND: 'not_found',
} as const satisfies Record<string, ErrorKind>;

export type TrackingErrorCode = keyof typeof TRACKING_ERROR_KINDS;

/** A refusal of the tracking service; its kind follows from its code. */
export class TrackingError extends DomainError {
  constructor(
    override readonly code: TrackingErrorCode,
    message: string,
    details: Record<string, unknown> = {},
    violations: FieldViolation[] = [],
  ) {
    super(TRACKING_ERROR_KINDS[code], code, message, details, violations);
  }
}
