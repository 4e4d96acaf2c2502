import type { inventoryV1 } from '@baton/contracts';
import { validateCreateLocation, validateOpeningHours, validateUpdateLocation } from './location-input';

function request(overrides: Partial<inventoryV1.CreateLocationRequest> = {}): inventoryV1.CreateLocationRequest {
  return {
    code: 'ST-AMS',
    name: 'Amsterdam store',
    type: 'store',
    latitude: 52.37,
    longitude: 4.89,
    capabilities: ['ship', 'pickup'],
    ...overrides,
  };
}

describe(validateCreateLocation.name, () => {
  it('accepts a well-formed location', () => {
    expect(validateCreateLocation(request())).toEqual([]);
  });

  it('names every bad field', () => {
    const violations = validateCreateLocation(
      request({ code: 'has space', name: ' ', type: 'castle', latitude: 91, longitude: -181, capabilities: ['teleport'] }),
    );
    expect(violations.map((v) => v.field)).toEqual(['code', 'name', 'latitude', 'longitude', 'type', 'capabilities[0]']);
  });

  it('refuses a capability listed twice', () => {
    expect(validateCreateLocation(request({ capabilities: ['ship', 'ship'] }))).toEqual([
      { field: 'capabilities[1]', message: 'is listed twice' },
    ]);
  });
});

describe('location details', () => {
  it('checks address, time zone, hours, capacity, cost, partner and groups, naming each field', () => {
    const violations = validateCreateLocation(
      request({
        details: {
          address: { line1: '', line2: '', city: 'Amsterdam', postalCode: '1012', region: '', country: 'nl' },
          timeZone: 'Mars/Olympus',
          openingHours: [{ day: 'mon', opens: '18:00', closes: '09:00' }],
          dailyCapacity: -1,
          handlingCostMinor: 1.5,
          partnerId: 'has space',
          groups: ['nl', 'nl'],
        },
      }),
    );
    expect(violations.map((v) => v.field)).toEqual([
      'details.address.line1',
      'details.address.country',
      'details.timeZone',
      'details.openingHours[0].closes',
      'details.dailyCapacity',
      'details.handlingCostMinor',
      'details.partnerId',
      'details.groups[1]',
    ]);
  });

  it('refuses overlapping intervals on one day', () => {
    expect(
      validateOpeningHours('hours', [
        { day: 'sat', opens: '09:00', closes: '13:00' },
        { day: 'sat', opens: '12:00', closes: '17:00' },
        { day: 'sun', opens: '12:00', closes: '17:00' },
      ]),
    ).toEqual([{ field: 'hours[1]', message: 'overlaps another interval on sat' }]);
  });

  it('checks only the fields an update sets', () => {
    const base = { locationId: '6f1c1f52-8b36-4c61-9d55-3c8f0a4f9a01', clearDailyCapacity: false };
    expect(validateUpdateLocation(base)).toEqual([]);
    expect(validateUpdateLocation({ ...base, name: '', dailyCapacity: 5, clearDailyCapacity: true }).map((v) => v.field)).toEqual([
      'name',
      'dailyCapacity',
    ]);
  });
});
