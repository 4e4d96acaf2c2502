import { addOperatingDays, deliveryDayOf, latestCollectionFor, nextCollection, type ServiceSchedule } from './collection-schedule';

const parcel: ServiceSchedule = {
  cutoff: '17:00',
  timeZone: 'Europe/Amsterdam',
  transitDays: 1,
  operatingDays: [1, 2, 3, 4, 5],
  deliverBy: '18:00',
  dispatchLeadMinutes: 0,
};

// Wednesday 18 November 2026; Amsterdam is UTC+1 then.
const wednesday = (time: string) => new Date(`2026-11-18T${time}:00+01:00`);

describe('collection schedule', () => {
  it('collects today before the cut-off and on the next operating day after it', () => {
    expect(nextCollection(wednesday('10:00'), parcel).cutoffAt.toISOString()).toBe('2026-11-18T16:00:00.000Z');
    expect(nextCollection(wednesday('17:00'), parcel).cutoffAt.toISOString()).toBe('2026-11-18T16:00:00.000Z');
    expect(nextCollection(wednesday('17:01'), parcel).cutoffAt.toISOString()).toBe('2026-11-19T16:00:00.000Z');
  });

  it('skips days the service does not operate', () => {
    const saturday = new Date('2026-11-21T09:00:00+01:00');
    expect(nextCollection(saturday, parcel).shipDay).toEqual({ year: 2026, month: 11, day: 23 });
    expect(addOperatingDays({ year: 2026, month: 11, day: 20 }, 1, parcel)).toEqual({ year: 2026, month: 11, day: 23 });
    expect(deliveryDayOf({ year: 2026, month: 11, day: 20 }, { ...parcel, transitDays: 2 })).toEqual({ year: 2026, month: 11, day: 24 });
    expect(deliveryDayOf({ year: 2026, month: 11, day: 20 }, { ...parcel, transitDays: 0 })).toEqual({ year: 2026, month: 11, day: 20 });
  });

  it('finds the last collection that still delivers by a promised day', () => {
    const fridayEvening = new Date('2026-11-20T18:00:00+01:00');
    expect(latestCollectionFor(fridayEvening, wednesday('10:00'), parcel)?.cutoffAt.toISOString()).toBe('2026-11-19T16:00:00.000Z');
    const nextTuesday = new Date('2026-11-24T12:00:00+01:00');
    expect(latestCollectionFor(nextTuesday, wednesday('10:00'), parcel)?.shipDay).toEqual({ year: 2026, month: 11, day: 23 });
  });

  it('finds none when even the next collection is too late', () => {
    expect(latestCollectionFor(wednesday('20:00'), wednesday('10:00'), parcel)).toBeUndefined();
  });
});
