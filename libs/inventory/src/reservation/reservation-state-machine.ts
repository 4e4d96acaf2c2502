import type { ReservationStatus } from './reservation-status';
import { RESERVATION_STATUSES } from './reservation-status';

/** Where a reservation may go from each status; partial releases and consumptions stay in place. */
export const RESERVATION_TRANSITIONS: Readonly<Record<ReservationStatus, readonly ReservationStatus[]>> = {
  held: ['confirmed', 'released', 'consumed', 'expired'],
  confirmed: ['released', 'consumed'],
  released: [],
  consumed: [],
  expired: [],
};

/** Checks the table at load: every status is a key and every target a known status. */
export function assertTransitionTable(table: Readonly<Record<string, readonly string[]>>): void {
  const known = new Set<string>(RESERVATION_STATUSES);
  for (const status of RESERVATION_STATUSES) {
    if (!(status in table)) throw new Error(`Reservation status ${status} has no transitions entry`);
  }
  for (const [from, targets] of Object.entries(table)) {
    if (!known.has(from)) throw new Error(`Unknown reservation status ${from} in the transitions table`);
    for (const to of targets) if (!known.has(to)) throw new Error(`Unknown target ${to} from ${from}`);
  }
}

assertTransitionTable(RESERVATION_TRANSITIONS);

export interface ReservationQuantities {
  status: ReservationStatus;
  quantity: number;
  releasedQuantity: number;
  consumedQuantity: number;
  expiresAt: Date;
}

/** Units still held for the line. */
export function openQuantityOf(reservation: ReservationQuantities): number {
  return reservation.quantity - reservation.releasedQuantity - reservation.consumedQuantity;
}

/** True while units are held (held or confirmed with something open). */
export function isOpen(reservation: ReservationQuantities): boolean {
  return (reservation.status === 'held' || reservation.status === 'confirmed') && openQuantityOf(reservation) > 0;
}

export function canTransition(from: ReservationStatus, to: ReservationStatus): boolean {
  return from === to || RESERVATION_TRANSITIONS[from].includes(to);
}

/** Why a line cannot be confirmed, or null when it can (confirming a confirmed line is a no-op). */
export function confirmRefusal(reservation: ReservationQuantities, now: Date): 'NOT_HELD' | 'EXPIRED' | null {
  if (reservation.status === 'confirmed') return null;
  if (reservation.status !== 'held' || openQuantityOf(reservation) === 0) return 'NOT_HELD';
  if (reservation.expiresAt.getTime() <= now.getTime()) return 'EXPIRED';
  return null;
}

/**
 * The status after releasing and/or consuming units: unchanged while something is open; once
 * nothing is, `consumed` if any unit was consumed, else `released` — or `expired` when the
 * sweeper released it.
 */
export function settledStatus(
  reservation: ReservationQuantities,
  change: { released: number; consumed: number; byExpiry?: boolean },
): ReservationStatus {
  const after = {
    ...reservation,
    releasedQuantity: reservation.releasedQuantity + change.released,
    consumedQuantity: reservation.consumedQuantity + change.consumed,
  };
  const open = openQuantityOf(after);
  if (open < 0) throw new Error('A reservation cannot give back more than it holds');
  const next: ReservationStatus =
    open > 0 ? reservation.status : after.consumedQuantity > 0 ? 'consumed' : change.byExpiry ? 'expired' : 'released';
  if (!canTransition(reservation.status, next)) {
    throw new Error(`A reservation cannot go from ${reservation.status} to ${next}`);
  }
  return next;
}
