import { haversineKm } from './distance';

describe(haversineKm.name, () => {
  it('measures known distances', () => {
    const amsterdam = { latitude: 52.3731, longitude: 4.8922 };
    const rotterdam = { latitude: 51.9244, longitude: 4.4777 };
    expect(haversineKm(amsterdam, rotterdam)).toBeCloseTo(57.4, 0);
    expect(haversineKm(amsterdam, amsterdam)).toBe(0);
    expect(haversineKm({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 180 })).toBeCloseTo(20015.1, 0);
  });
});
