/**
 * The inventory vocabulary the gateway validates against before forwarding (the inventory service
 * checks again; these keep a bad request a 400 at the edge, naming the field).
 */
export const LOCATION_TYPES = [
  'store',
  'warehouse',
  'distribution_centre',
  'supplier',
  'in_transit',
  'vehicle',
  'construction_site',
  'machine',
  'lab',
  'customer_site',
] as const;

export const LOCATION_CAPABILITIES = ['ship', 'pickup', 'receive_transfers', 'accept_returns', 'same_day'] as const;

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

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

/** Codes, SKUs, line ids: printable, no spaces (as inventory requires). */
export const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}$/;
export const IDENTIFIER_MESSAGE = 'must be 1-64 characters: letters, digits and . _ : / - (not first)';

export const UUID_EXAMPLE = '0b7f1c2e-4c1a-4d8e-9a57-0c1f7b9d2e11';
export const MAX_QUANTITY = 1_000_000_000;

/** `a,b` or repeated `?x=a&x=b` → ['a', 'b']. */
export const asList = ({ value }: { value: unknown }): unknown =>
  Array.isArray(value) ? value : typeof value === 'string' ? value.split(',').filter((part) => part !== '') : value;

/** `true` / `false` query strings → booleans (anything else stays, and fails validation). */
export const asBoolean = ({ value }: { value: unknown }): unknown => (value === 'true' ? true : value === 'false' ? false : value);
