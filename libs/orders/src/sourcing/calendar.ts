const DAY_MS = 86_400_000;

/** Minutes since midnight UTC of an instant; carrier cut-offs are expressed in UTC. */
export function minuteOfDayUtc(instant: Date): number {
  return instant.getUTCHours() * 60 + instant.getUTCMinutes();
}

/** The calendar date (UTC) `days` after the instant, as YYYY-MM-DD. */
export function dateAfter(instant: Date, days: number): string {
  const midnight = Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate());
  return new Date(midnight + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole calendar days (UTC) from the instant's date to the given date or instant; may be negative. */
export function daysUntil(instant: Date, dateOrInstant: string): number {
  const target = new Date(dateOrInstant.length === 10 ? `${dateOrInstant}T00:00:00Z` : dateOrInstant);
  const from = Date.UTC(instant.getUTCFullYear(), instant.getUTCMonth(), instant.getUTCDate());
  const to = Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), target.getUTCDate());
  return Math.round((to - from) / DAY_MS);
}
