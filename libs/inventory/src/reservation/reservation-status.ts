/**
 * A reservation is `held` until confirmed or until it expires; `confirmed` holds without expiry.
 * It ends `released` (units given back), `consumed` (units left with a shipment or collection; a
 * line partly released and partly consumed ends consumed) or `expired` (released by the sweeper).
 */
export const RESERVATION_STATUSES = ['held', 'confirmed', 'released', 'consumed', 'expired'] as const;

export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];
