import type { ServiceSchedule } from './collection-schedule';
import { computeDueAt, FALLBACK_DUE_MINUTES } from './due-time';

const zone = 'Europe/Amsterdam';
const at = (day: number, time: string) => new Date(`2026-11-${String(day).padStart(2, '0')}T${time}:00+01:00`);
const parcel: ServiceSchedule = { cutoff: '17:00', timeZone: zone, transitDays: 1, operatingDays: [1, 2, 3, 4, 5], deliverBy: '18:00', dispatchLeadMinutes: 0 };
const sameDay: ServiceSchedule = { cutoff: '14:00', timeZone: zone, transitDays: 0, operatingDays: [1, 2, 3, 4, 5, 6], deliverBy: '22:00', dispatchLeadMinutes: 60 };
const windowCourier: ServiceSchedule = { ...sameDay, cutoff: '16:00', dispatchLeadMinutes: 45 };
const base = { pickupPrepMinutes: 120 };

describe(computeDueAt.name, () => {
  it('makes a shipment without promise due at the next cut-off', () => {
    expect(computeDueAt({ ...base, now: at(18, '10:00'), legType: 'ship', service: parcel })).toEqual(at(18, '17:00'));
    expect(computeDueAt({ ...base, now: at(18, '18:00'), legType: 'ship', service: parcel })).toEqual(at(19, '17:00'));
    expect(computeDueAt({ ...base, now: at(20, '18:00'), legType: 'transfer', service: parcel })).toEqual(at(23, '17:00'));
  });

  it('gives a later promise the cut-off of the last collection that keeps it', () => {
    expect(computeDueAt({ ...base, now: at(18, '10:00'), legType: 'ship', service: parcel, promisedBy: at(20, '18:00') })).toEqual(at(19, '17:00'));
    expect(computeDueAt({ ...base, now: at(18, '10:00'), legType: 'ship', service: { ...parcel, transitDays: 3 }, promisedBy: at(23, '18:00') })).toEqual(at(18, '17:00'));
  });

  it('makes work whose promise can no longer be kept due at the next cut-off', () => {
    expect(computeDueAt({ ...base, now: at(18, '16:00'), legType: 'ship', service: parcel, promisedBy: at(18, '20:00') })).toEqual(at(18, '17:00'));
  });

  it('keeps a same-day delivery due today before the cut-off and tomorrow after it', () => {
    expect(computeDueAt({ ...base, now: at(18, '10:00'), legType: 'ship', service: sameDay, promisedBy: at(18, '22:00') })).toEqual(at(18, '14:00'));
    expect(computeDueAt({ ...base, now: at(18, '15:00'), legType: 'ship', service: sameDay, promisedBy: at(19, '22:00') })).toEqual(at(19, '14:00'));
    expect(computeDueAt({ ...base, now: at(18, '15:00'), legType: 'ship', service: sameDay })).toEqual(at(19, '14:00'));
  });

  it('makes a window delivery due early enough for the courier to reach the window', () => {
    const evening = { start: at(19, '18:00'), end: at(19, '20:00') };
    expect(computeDueAt({ ...base, now: at(18, '10:00'), legType: 'ship', service: windowCourier, window: evening })).toEqual(at(19, '16:00'));
    const morning = { start: at(19, '10:00'), end: at(19, '12:00') };
    expect(computeDueAt({ ...base, now: at(18, '10:00'), legType: 'ship', service: windowCourier, window: morning })).toEqual(at(19, '09:15'));
  });

  it('makes a window delivery by parcel due at the collection that arrives on the window day', () => {
    const window = { start: at(20, '09:00'), end: at(20, '17:00') };
    expect(computeDueAt({ ...base, now: at(18, '10:00'), legType: 'ship', service: parcel, window })).toEqual(at(19, '17:00'));
  });

  it('makes a pickup due by its promise or slot, else after the preparation time', () => {
    expect(computeDueAt({ ...base, now: at(18, '10:00'), legType: 'pickup' })).toEqual(at(18, '12:00'));
    expect(computeDueAt({ ...base, now: at(18, '10:00'), legType: 'pickup', promisedBy: at(18, '11:00') })).toEqual(at(18, '11:00'));
    expect(
      computeDueAt({ ...base, now: at(18, '10:00'), legType: 'pickup', promisedBy: at(18, '16:00'), window: { start: at(18, '15:00'), end: at(18, '16:00') } }),
    ).toEqual(at(18, '15:00'));
  });

  it('falls back to the promise, or a day, without a carrier schedule', () => {
    expect(computeDueAt({ ...base, now: at(18, '10:00'), legType: 'ship', promisedBy: at(19, '12:00') })).toEqual(at(19, '12:00'));
    expect(computeDueAt({ ...base, now: at(18, '10:00'), legType: 'ship' })).toEqual(new Date(at(18, '10:00').getTime() + FALLBACK_DUE_MINUTES * 60_000));
  });
});
