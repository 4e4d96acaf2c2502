import type { LegType } from '../fulfillment/fulfillment-state-machine';
import { compareDates, localDateOf } from './zoned-time';
import { latestCollectionFor, nextCollection, type ServiceSchedule } from './collection-schedule';

/** Without a carrier schedule or promise, work is due this long after it arrived. */
export const FALLBACK_DUE_MINUTES = 24 * 60;

export interface DueTimeInput {
  /** When the work arrived at the location. */
  now: Date;
  legType: LegType;
  /** Latest delivery (or collection) promised to the customer. */
  promisedBy?: Date;
  /** The customer's delivery window (scheduled delivery) or pickup slot. */
  window?: { start: Date; end: Date };
  /** The carrier service the work is expected to leave with (ship and transfer legs). */
  service?: ServiceSchedule;
  /** How long the location needs to have a pickup ready (tenant policy). */
  pickupPrepMinutes: number;
}

function earliest(...dates: Array<Date | undefined>): Date | undefined {
  const present = dates.filter((d): d is Date => d !== undefined);
  if (present.length === 0) return undefined;
  return new Date(Math.min(...present.map((d) => d.getTime())));
}

function minutesAfter(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * 60_000);
}

/**
 * When the location must be done with the work (packed and handed to the carrier, or ready for
 * collection) to keep the order's promise:
 * - pickup: the promise or the start of the pickup slot, else arrival plus the preparation time;
 * - ship / transfer with a carrier schedule: the cut-off of the latest collection that still
 *   delivers by the promise or the window's day; for a same-day (transit 0) collection on the
 *   window's day, also early enough for the courier to reach the window's start; with neither
 *   promise nor window, the next cut-off (ship today if possible); when the promise cannot be met
 *   any more, the next cut-off (the work is as urgent as it gets);
 * - without a schedule: the promise or window start, else arrival plus {@link FALLBACK_DUE_MINUTES}.
 * Pure: every input is given, nothing is read from the clock.
 */
export function computeDueAt(input: DueTimeInput): Date {
  const { now, service, window } = input;
  if (input.legType === 'pickup') {
    return earliest(input.promisedBy, window?.start) ?? minutesAfter(now, input.pickupPrepMinutes);
  }
  const deliverBy = earliest(input.promisedBy, window?.start);
  if (!service) return deliverBy ?? minutesAfter(now, FALLBACK_DUE_MINUTES);
  if (!deliverBy) return nextCollection(now, service).cutoffAt;
  const collection = latestCollectionFor(deliverBy, now, service) ?? nextCollection(now, service);
  if (window && service.transitDays === 0) {
    const sameDay = compareDates(collection.shipDay, localDateOf(window.start, service.timeZone)) === 0;
    if (sameDay) {
      return earliest(collection.cutoffAt, minutesAfter(window.start, -service.dispatchLeadMinutes)) as Date;
    }
  }
  return collection.cutoffAt;
}
