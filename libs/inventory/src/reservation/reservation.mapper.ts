import type { inventoryV1 } from '@baton/contracts';
import type { NewReservation } from './reservations.repository';
import type { ReservationEntity } from './reservation.entity';

/** The contract form of a reservation, new (just held) or read back. */
export function toReservation(reservation: NewReservation | ReservationEntity): inventoryV1.Reservation {
  const released = 'releasedQuantity' in reservation ? reservation.releasedQuantity : 0;
  const consumed = 'consumedQuantity' in reservation ? reservation.consumedQuantity : 0;
  const confirmedAt = 'confirmedAt' in reservation ? reservation.confirmedAt : null;
  return {
    id: reservation.id,
    orderId: reservation.orderId,
    lineId: reservation.lineId,
    sku: reservation.sku,
    locationId: reservation.locationId,
    quantity: reservation.quantity,
    status: reservation.status,
    expiresAt: reservation.expiresAt.toISOString(),
    releasedQuantity: released,
    consumedQuantity: consumed,
    openQuantity: reservation.quantity - released - consumed,
    confirmedAt: confirmedAt ? confirmedAt.toISOString() : '',
  };
}
