import type { ReservationEntity } from './reservation.entity';
import { isOpen, openQuantityOf } from './reservation-state-machine';

export interface LineQuantity {
  lineId: string;
  quantity: number;
}

export interface PlannedRelease {
  reservation: ReservationEntity;
  quantity: number;
}

export interface ReleasePlan {
  releases: PlannedRelease[];
  /** Requested lines the order has no reservation for. */
  unknownLines: string[];
  /** Requested lines asking for more than is still held (only reported when strict). */
  exceeding: Array<{ lineId: string; requested: number; open: number }>;
}

/**
 * What to release for a request: `all` releases whatever is still held on every line. Strict
 * (an API call) reports lines asking for more than they hold; lenient (a cancellation event)
 * releases what is there, up to the quantity — an event about units no longer held changes nothing.
 */
export function planRelease(
  reservations: ReadonlyArray<ReservationEntity>,
  requested: ReadonlyArray<LineQuantity> | 'all',
  strict: boolean,
): ReleasePlan {
  if (requested === 'all') {
    return {
      releases: reservations.filter(isOpen).map((reservation) => ({ reservation, quantity: openQuantityOf(reservation) })),
      unknownLines: [],
      exceeding: [],
    };
  }
  const byLine = new Map(reservations.map((reservation) => [reservation.lineId, reservation]));
  const plan: ReleasePlan = { releases: [], unknownLines: [], exceeding: [] };
  const asked = new Map<string, number>();
  for (const line of requested) asked.set(line.lineId, (asked.get(line.lineId) ?? 0) + line.quantity);
  for (const [lineId, quantity] of asked) {
    const reservation = byLine.get(lineId);
    if (!reservation) {
      plan.unknownLines.push(lineId);
      continue;
    }
    const open = isOpen(reservation) ? openQuantityOf(reservation) : 0;
    if (strict && quantity > open) {
      plan.exceeding.push({ lineId, requested: quantity, open });
      continue;
    }
    const take = Math.min(quantity, open);
    if (take > 0) plan.releases.push({ reservation, quantity: take });
  }
  return plan;
}

export interface HandedOverLine {
  lineId: string;
  sku: string;
  quantity: number;
}

export interface PlannedConsumption {
  line: HandedOverLine;
  /** The line's reservation, when it has one. */
  reservation: ReservationEntity | undefined;
  /** Units taken out of the reservation at the handing-over location. */
  fromReservation: number;
  /** Units of a reservation held at another location, released there (the line was sourced elsewhere). */
  releasedElsewhere: number;
}

/**
 * How units handed over at `locationId` (shipped or collected) settle the order's reservations:
 * out of the line's reservation when it is held at that location, up to what is open. A
 * reservation held at another location is released instead — the units left from here.
 */
export function planConsumption(
  reservations: ReadonlyArray<ReservationEntity>,
  locationId: string,
  lines: ReadonlyArray<HandedOverLine>,
): PlannedConsumption[] {
  const byLine = new Map(reservations.map((reservation) => [reservation.lineId, reservation]));
  const left = new Map(reservations.map((reservation) => [reservation.id, isOpen(reservation) ? openQuantityOf(reservation) : 0]));
  return lines.map((line) => {
    const reservation = byLine.get(line.lineId);
    if (!reservation || reservation.sku !== line.sku) {
      return { line, reservation: undefined, fromReservation: 0, releasedElsewhere: 0 };
    }
    const open = left.get(reservation.id) ?? 0;
    const take = Math.min(open, line.quantity);
    left.set(reservation.id, open - take);
    return reservation.locationId === locationId
      ? { line, reservation, fromReservation: take, releasedElsewhere: 0 }
      : { line, reservation, fromReservation: 0, releasedElsewhere: take };
  });
}

/**
 * Units handed over that were not reserved come out of free stock (on hand − reserved), as far as
 * it goes; the rest is a discrepancy between the shelf and the books, left for a count.
 */
export function takeFromFreeStock(wanted: number, free: number): { taken: number; missing: number } {
  const taken = Math.max(0, Math.min(wanted, free));
  return { taken, missing: wanted - taken };
}
