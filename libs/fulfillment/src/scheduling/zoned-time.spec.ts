import { addDays, compareDates, formatDate, isValidTimeZone, localParts, weekdayOf, zonedInstant } from './zoned-time';

describe('zoned time', () => {
  it('finds the instant a local wall time happens in winter and summer', () => {
    expect(zonedInstant({ year: 2026, month: 11, day: 18 }, '17:00', 'Europe/Amsterdam').toISOString()).toBe('2026-11-18T16:00:00.000Z');
    expect(zonedInstant({ year: 2026, month: 7, day: 1 }, '17:00', 'Europe/Amsterdam').toISOString()).toBe('2026-07-01T15:00:00.000Z');
    expect(zonedInstant({ year: 2026, month: 7, day: 1 }, '17:00', 'America/New_York').toISOString()).toBe('2026-07-01T21:00:00.000Z');
    expect(zonedInstant({ year: 2026, month: 7, day: 1 }, '00:00', 'UTC').toISOString()).toBe('2026-07-01T00:00:00.000Z');
  });

  it('resolves a wall time skipped by the spring-forward jump to just after it', () => {
    const instant = zonedInstant({ year: 2026, month: 3, day: 29 }, '02:30', 'Europe/Amsterdam');
    expect(instant.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(localParts(instant, 'Europe/Amsterdam')).toMatchObject({ hour: 3, minute: 30 });
  });

  it('reads the local calendar day, which may differ from the UTC one', () => {
    expect(localParts(new Date('2026-11-18T23:30:00Z'), 'Europe/Amsterdam')).toMatchObject({ year: 2026, month: 11, day: 19, hour: 0, minute: 30, weekday: 4 });
    expect(localParts(new Date('2026-11-18T23:30:00Z'), 'UTC')).toMatchObject({ day: 18, weekday: 3 });
  });

  it('does calendar arithmetic across months and years', () => {
    expect(addDays({ year: 2026, month: 12, day: 31 }, 1)).toEqual({ year: 2027, month: 1, day: 1 });
    expect(addDays({ year: 2028, month: 2, day: 28 }, 1)).toEqual({ year: 2028, month: 2, day: 29 });
    expect(weekdayOf({ year: 2026, month: 11, day: 22 })).toBe(7);
    expect(compareDates({ year: 2026, month: 1, day: 2 }, { year: 2025, month: 12, day: 31 })).toBeGreaterThan(0);
    expect(formatDate({ year: 2026, month: 3, day: 7 })).toBe('2026-03-07');
  });

  it('knows real time zones from made-up ones', () => {
    expect(isValidTimeZone('Europe/Amsterdam')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
  });
});
