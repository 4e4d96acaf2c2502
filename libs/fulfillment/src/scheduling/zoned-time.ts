/** A calendar date in some time zone, without a time. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/** A wall-clock reading of an instant in a time zone; weekday is ISO (1 = Monday … 7 = Sunday). */
export interface LocalParts extends LocalDate {
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether the runtime knows `timeZone` as an IANA zone (`Europe/Amsterdam`, `UTC`). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The ISO weekday of a calendar date (1 = Monday … 7 = Sunday). */
export function weekdayOf(date: LocalDate): number {
  const day = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return day === 0 ? 7 : day;
}

/** What a clock in `timeZone` shows at `instant`. */
export function localParts(instant: Date, timeZone: string): LocalParts {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const date = { year: parts['year'], month: parts['month'], day: parts['day'] };
  return { ...date, hour: parts['hour'], minute: parts['minute'], second: parts['second'], weekday: weekdayOf(date) };
}

/** The calendar date of `instant` in `timeZone`. */
export function localDateOf(instant: Date, timeZone: string): LocalDate {
  const { year, month, day } = localParts(instant, timeZone);
  return { year, month, day };
}

/** `date` plus `days` calendar days. */
export function addDays(date: LocalDate, days: number): LocalDate {
  const shifted = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** Negative when a is before b, 0 on the same day, positive after. */
export function compareDates(a: LocalDate, b: LocalDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** `YYYY-MM-DD`. */
export function formatDate(date: LocalDate): string {
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** Minutes east of UTC that `timeZone` is at `instant`. */
function offsetMinutes(instant: number, timeZone: string): number {
  const p = localParts(new Date(instant), timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/**
 * The instant a clock in `timeZone` shows `time` (`HH:MM`) on `date`. A wall time skipped by a
 * daylight-saving jump resolves to the instant just after the jump.
 */
export function zonedInstant(date: LocalDate, time: string, timeZone: string): Date {
  const [hour, minute] = time.split(':').map(Number);
  const wall = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  const firstOffset = offsetMinutes(wall, timeZone);
  const guess = wall - firstOffset * 60_000;
  const guessOffset = offsetMinutes(guess, timeZone);
  if (guessOffset === firstOffset) return new Date(guess);
  const alternative = wall - guessOffset * 60_000;
  if (offsetMinutes(alternative, timeZone) === guessOffset) return new Date(alternative);
  return new Date(Math.max(guess, alternative));
}
