/** Any place a unit can be is a location; the type says what kind of place it is. */
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

export type LocationType = (typeof LOCATION_TYPES)[number];

/** What a location can do; sourcing only considers locations with the capability a delivery needs. */
export const LOCATION_CAPABILITIES = ['ship', 'pickup', 'receive_transfers', 'accept_returns', 'same_day'] as const;

export type LocationCapability = (typeof LOCATION_CAPABILITIES)[number];
