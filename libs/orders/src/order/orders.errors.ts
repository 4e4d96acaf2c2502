import { DomainError, type ErrorKind } from '@baton/domain';

/** Every code the orders service refuses with, and the one kind each code always maps to. */
export const ORDERS_ERROR_KINDS = {
  ORDER_NOT_FOUND: 'not_found',
  RULES_NOT_FOUND: 'not_found',
  INSUFFICIENT_STOCK: 'conflict',
  NOT_CANCELLABLE: 'conflict',
  ILLEGAL_TRANSITION: 'precondition',
  NOT_ON_HOLD: 'precondition',
  RESERVATION_MISMATCH: 'internal',
} as const satisfies Record<string, ErrorKind>;

export type OrdersErrorCode = keyof typeof ORDERS_ERROR_KINDS;

/** A refusal of the orders service; its kind follows from its code, so callers can rely on either. */
export class OrdersError extends DomainError {
  constructor(
    override readonly code: OrdersErrorCode,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(ORDERS_ERROR_KINDS[code], code, message, details);
  }
}
