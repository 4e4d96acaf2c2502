import type { MovementType } from './movement-types';

export interface PositionKey {
  sku: string;
  locationId: string;
}

/** A change one caller wants booked: one ledger entry, identified by (type, reference, sku, location). */
export interface MovementIntent extends PositionKey {
  type: MovementType;
  onHandDelta: number;
  reservedDelta: number;
  reference: string;
  reason: string | null;
}

/** The net change of one position within one booking, with the movement types that make it up. */
export interface PositionDelta extends PositionKey {
  onHandDelta: number;
  reservedDelta: number;
  types: MovementType[];
  references: string[];
}

/**
 * A stable string for a position. Ordering by it is ordering by (sku, location id) byte-wise, the
 * same order Postgres uses with COLLATE "C" on the sku and on the uuid, so rows are locked in one
 * global order whichever path locks them and concurrent bookings cannot deadlock on positions.
 */
export function positionKeyOf(key: PositionKey): string {
  return `${key.sku}\u0000${key.locationId}`;
}

/** Orders positions by {@link positionKeyOf}. */
export function comparePositions(a: PositionKey, b: PositionKey): number {
  const ka = positionKeyOf(a);
  const kb = positionKeyOf(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** The identity of a movement in the ledger: booking the same identity twice books it once. */
export function movementKeyOf(movement: PositionKey & { type: string; reference: string }): string {
  return `${movement.type}\u0000${movement.reference}\u0000${movement.sku}\u0000${movement.locationId}`;
}

/**
 * Sums intents per position, in lock order. Summing first is what stops two changes to the same
 * position in one request from each passing a check the pair would fail.
 */
export function sumDeltas(intents: ReadonlyArray<MovementIntent>): PositionDelta[] {
  const byPosition = new Map<string, PositionDelta>();
  for (const intent of intents) {
    const key = positionKeyOf(intent);
    const delta = byPosition.get(key);
    if (delta) {
      delta.onHandDelta += intent.onHandDelta;
      delta.reservedDelta += intent.reservedDelta;
      if (!delta.types.includes(intent.type)) delta.types.push(intent.type);
      delta.references.push(intent.reference);
    } else {
      byPosition.set(key, {
        sku: intent.sku,
        locationId: intent.locationId,
        onHandDelta: intent.onHandDelta,
        reservedDelta: intent.reservedDelta,
        types: [intent.type],
        references: [intent.reference],
      });
    }
  }
  return [...byPosition.values()].sort(comparePositions);
}

/** True when a delta may create its position: it only adds on hand (a receipt into a new position). */
export function mayCreatePosition(delta: Pick<PositionDelta, 'onHandDelta' | 'reservedDelta'>): boolean {
  return delta.onHandDelta > 0 && delta.reservedDelta === 0;
}

export interface PositionState {
  onHand: number;
  reserved: number;
  safetyStock: number;
}

/**
 * The guard every booking passes, in one place (the SQL of the guarded update says the same):
 * nothing negative, reserved never above on hand, and a new reservation only out of what is
 * available to promise (on hand − reserved − safety stock, after the on-hand change).
 */
export function passesGuard(position: PositionState, delta: Pick<PositionDelta, 'onHandDelta' | 'reservedDelta'>): boolean {
  const onHand = position.onHand + delta.onHandDelta;
  const reserved = position.reserved + delta.reservedDelta;
  if (reserved < 0 || onHand < reserved) return false;
  if (delta.reservedDelta > 0 && onHand - position.reserved - position.safetyStock < delta.reservedDelta) return false;
  return true;
}

/**
 * What a count may book: on hand is set to the counted quantity but never below what is reserved
 * (that would break reserved ≤ on hand); the part of a shortfall that is reserved stays unbooked
 * and is reported, for someone to release or re-source those reservations.
 */
export function countDelta(position: PositionState, counted: number): { delta: number; unresolvedShortfall: number } {
  const target = Math.max(counted, position.reserved);
  return { delta: target - position.onHand, unresolvedShortfall: target - counted };
}
