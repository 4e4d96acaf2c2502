import type { inventoryV1 } from '@baton/contracts';
import type { FieldViolation } from '@baton/domain';
import { requireIdentifier, requireNonNegativeInteger, requirePositiveInteger, requireUuid } from '../input-rules';
import type { PositionKey } from '../stock/stock-positions.repository';

export const DEFAULT_RESERVATION_TTL_SECONDS = 900;
const MAX_RESERVATION_TTL_SECONDS = 30 * 24 * 3600;
const MAX_LINES = 500;

/** What one request demands of one position: the sum over every line for that item and location. */
export interface PositionDemand extends PositionKey {
  quantity: number;
  lineIds: string[];
}

/** Every problem with a ReservePlan request. Line ids must be unique: they are the idempotency key. */
export function validateReservePlan(request: inventoryV1.ReservePlanRequest): FieldViolation[] {
  const violations = [
    ...requireIdentifier('orderId', request.orderId),
    ...requireNonNegativeInteger('ttlSeconds', request.ttlSeconds),
  ];
  if (request.ttlSeconds > MAX_RESERVATION_TTL_SECONDS) {
    violations.push({ field: 'ttlSeconds', message: `must be at most ${MAX_RESERVATION_TTL_SECONDS}` });
  }
  if (request.lines.length === 0) violations.push({ field: 'lines', message: 'must contain at least one line' });
  if (request.lines.length > MAX_LINES) violations.push({ field: 'lines', message: `must have at most ${MAX_LINES} lines` });
  const seen = new Set<string>();
  request.lines.forEach((line, index) => {
    const at = `lines[${index}]`;
    violations.push(
      ...requireIdentifier(`${at}.lineId`, line.lineId),
      ...requireIdentifier(`${at}.sku`, line.sku),
      ...requireUuid(`${at}.locationId`, line.locationId),
      ...requirePositiveInteger(`${at}.quantity`, line.quantity),
    );
    if (seen.has(line.lineId)) violations.push({ field: `${at}.lineId`, message: 'is used by another line' });
    seen.add(line.lineId);
  });
  return violations;
}

/**
 * Sums the demand of every line per (sku, location), sorted by that key. Summing first is what
 * stops two lines for the same item and location from each passing a check the pair would fail;
 * the fixed order is the order positions are locked in, so concurrent plans cannot deadlock.
 */
export function sumDemand(lines: ReadonlyArray<inventoryV1.ReservationLine>): PositionDemand[] {
  const byPosition = new Map<string, PositionDemand>();
  for (const line of lines) {
    const key = positionKeyOf(line);
    const demand = byPosition.get(key);
    if (demand) {
      demand.quantity += line.quantity;
      demand.lineIds.push(line.lineId);
    } else {
      byPosition.set(key, { sku: line.sku, locationId: line.locationId, quantity: line.quantity, lineIds: [line.lineId] });
    }
  }
  return [...byPosition.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, demand]) => demand);
}

/** A stable string for a position, used to group and order by it. */
export function positionKeyOf(key: PositionKey): string {
  return `${key.sku}\u0000${key.locationId}`;
}

/** When a reservation made at `now` lapses; a TTL of 0 means the default. */
export function expiryOf(now: Date, ttlSeconds: number): Date {
  return new Date(now.getTime() + (ttlSeconds > 0 ? ttlSeconds : DEFAULT_RESERVATION_TTL_SECONDS) * 1000);
}

/** The lines of a repeated request that still need reserving, and those that contradict an earlier request. */
export function splitByExisting(
  lines: ReadonlyArray<inventoryV1.ReservationLine>,
  existing: ReadonlyArray<inventoryV1.ReservationLine>,
): { missing: inventoryV1.ReservationLine[]; mismatched: string[] } {
  const byLine = new Map(existing.map((reservation) => [reservation.lineId, reservation]));
  const missing: inventoryV1.ReservationLine[] = [];
  const mismatched: string[] = [];
  for (const line of lines) {
    const earlier = byLine.get(line.lineId);
    if (!earlier) missing.push(line);
    else if (
      earlier.sku !== line.sku ||
      earlier.locationId !== line.locationId ||
      earlier.quantity !== line.quantity
    ) {
      mismatched.push(line.lineId);
    }
  }
  return { missing, mismatched };
}
