import { DomainError, type ErrorKind } from '@baton/domain';

/** Every code the inventory service refuses with, and the kind each one maps to on the wire. */
export const INVENTORY_ERROR_KINDS = {
  LOCATION_CODE_TAKEN: 'conflict',
  LOCATION_NOT_FOUND: 'not_found',
  ITEM_SKU_TAKEN: 'conflict',
  ITEM_NOT_FOUND: 'not_found',
  INSUFFICIENT_STOCK: 'conflict',
  RESERVATION_MISMATCH: 'conflict',
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
