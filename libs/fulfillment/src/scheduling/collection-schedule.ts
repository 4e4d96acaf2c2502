import { addDays, compareDates, localDateOf, weekdayOf, zonedInstant, type LocalDate } from './zoned-time';

/** When a carrier service collects and how long it takes: what due times and quotes are computed from. */
export interface ServiceSchedule {
  /** Latest hand-over to the carrier on a collection day, `HH:MM` local to `timeZone`. */
  cutoff: string;
  timeZone: string;
  /** Operating days between collection and delivery (0 = delivered the day it is collected). */
  transitDays: number;
  /** ISO weekdays (1 = Monday) the service collects and delivers on. */
  operatingDays: readonly number[];
  /** Time of day by which the service delivers on the delivery day, `HH:MM` local. */
  deliverBy: string;
  /** Minutes a courier needs from collection to the customer (same-day, time windows). */
  dispatchLeadMinutes: number;
}

/** A collection by the carrier: the day and the cut-off instant goods must be ready by. */
export interface Collection {
  shipDay: LocalDate;
  cutoffAt: Date;
}

const HORIZON_DAYS = 60;

/** `day` plus `count` operating days of the schedule (the day itself when count is 0). */
export function addOperatingDays(day: LocalDate, count: number, schedule: ServiceSchedule): LocalDate {
  let current = day;
  let left = count;
  for (let guard = 0; left > 0 && guard < HORIZON_DAYS * 2; guard++) {
    current = addDays(current, 1);
    if (schedule.operatingDays.includes(weekdayOf(current))) left--;
  }
  return current;
}

/** Every collection from `from` on (cut-off not yet passed), in order, for the planning horizon. */
export function* collectionsFrom(from: Date, schedule: ServiceSchedule): Generator<Collection> {
  const first = localDateOf(from, schedule.timeZone);
  for (let offset = 0; offset < HORIZON_DAYS; offset++) {
    const shipDay = addDays(first, offset);
    if (!schedule.operatingDays.includes(weekdayOf(shipDay))) continue;
    const cutoffAt = zonedInstant(shipDay, schedule.cutoff, schedule.timeZone);
    if (cutoffAt.getTime() >= from.getTime()) yield { shipDay, cutoffAt };
  }
}

/** The first collection whose cut-off has not passed at `from`. */
export function nextCollection(from: Date, schedule: ServiceSchedule): Collection {
  const next = collectionsFrom(from, schedule).next();
  if (next.done) throw new Error(`Service has no collection within ${HORIZON_DAYS} days (operating days empty?)`);
  return next.value;
}

/** The day goods collected on `shipDay` arrive. */
export function deliveryDayOf(shipDay: LocalDate, schedule: ServiceSchedule): LocalDate {
  return addOperatingDays(shipDay, schedule.transitDays, schedule);
}

/** When goods collected on `shipDay` are delivered at the latest (the delivery day's deliver-by time). */
export function estimatedDeliveryOf(shipDay: LocalDate, schedule: ServiceSchedule): Date {
  return zonedInstant(deliveryDayOf(shipDay, schedule), schedule.deliverBy, schedule.timeZone);
}

/**
 * The last collection from `from` on that still delivers on or before the calendar day of
 * `deliverBy` (in the service's zone), or undefined when even the next one is too late.
 */
export function latestCollectionFor(deliverBy: Date, from: Date, schedule: ServiceSchedule): Collection | undefined {
  const lastDay = localDateOf(deliverBy, schedule.timeZone);
  let latest: Collection | undefined;
  for (const collection of collectionsFrom(from, schedule)) {
    if (compareDates(collection.shipDay, lastDay) > 0) break;
    if (compareDates(deliveryDayOf(collection.shipDay, schedule), lastDay) > 0) continue;
    latest = collection;
  }
  return latest;
}
