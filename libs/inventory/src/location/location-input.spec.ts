import type { inventoryV1 } from '@baton/contracts';
import { validateCreateLocation } from './location-input';

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
