/**
 * A reservation is `held` until confirmed or until it expires; `released` gives the units back,
 * `consumed` means they left with a shipment. Only `held` is produced so far.
 */
export const RESERVATION_STATUSES = ['held', 'confirmed', 'released', 'consumed'] as const;

export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];
