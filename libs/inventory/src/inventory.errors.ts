import { DomainError, type ErrorKind } from '@baton/domain';

/** Every code the inventory service refuses with, and the kind each one maps to on the wire. */
export const INVENTORY_ERROR_KINDS = {
  LOCATION_CODE_TAKEN: 'conflict',
  LOCATION_NOT_FOUND: 'not_found',
  LOCATION_IN_USE: 'conflict',
  ITEM_SKU_TAKEN: 'conflict',
  ITEM_NOT_FOUND: 'not_found',
  INSUFFICIENT_STOCK: 'conflict',
  STOCK_RESERVED: 'conflict',
  RESERVATION_MISMATCH: 'conflict',
  RESERVATION_NOT_FOUND: 'not_found',
  RESERVATION_NOT_HELD: 'conflict',
  RESERVATION_EXPIRED: 'conflict',
  RELEASE_EXCEEDS_OPEN: 'conflict',
  INBOUND_NOT_FOUND: 'not_found',
  INBOUND_REFERENCE_TAKEN: 'conflict',
  INBOUND_CLOSED: 'conflict',
  FEED_NOT_FOUND: 'not_found',
  FEED_MISMATCH: 'conflict',
} as const satisfies Record<string, ErrorKind>;

export type InventoryErrorCode = keyof typeof INVENTORY_ERROR_KINDS;

/** A refusal by the inventory service; its code fixes its kind, so callers can branch on either. */
export class InventoryError extends DomainError {
  constructor(
    override readonly code: InventoryErrorCode,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(INVENTORY_ERROR_KINDS[code], code, message, details);
  }
}
