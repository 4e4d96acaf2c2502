/**
 * Every kind of stock change. Each is an immutable ledger entry; a position is the sum of its
 * entries. Only `receipt` and `reservation` are produced so far; the rest are reserved names so
 * the ledger schema does not change when they arrive.
 */
export const MOVEMENT_TYPES = [
  'receipt',
  'adjustment',
  'count',
  'reservation',
  'release',
  'pick',
  'ship',
  'transfer_out',
  'transfer_in',
  'return_restock',
  'write_off',
] as const;

export type MovementType = (typeof MOVEMENT_TYPES)[number];
