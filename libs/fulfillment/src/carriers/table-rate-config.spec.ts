import { DEFAULT_CARRIER_TABLES } from './default-carrier-tables';
import { parseTableRateCarriers, type TableRateCarrierInput } from './table-rate-config';

const minimal = (): TableRateCarrierInput => ({
  id: 'test-carrier',
  name: 'Test',
  timeZone: 'UTC',
  currency: 'EUR',
  trackingPrefix: 'TC',
  zones: [{ code: 'all', countries: ['NL'] }],
  services: [{ code: 'std', name: 'Std', transitDays: 1, cutoff: '17:00', insuredValueLimitMinor: 0, rates: [{ zone: 'all', bands: [{ maxWeightGrams: 1000, priceMinor: 100 }] }] }],
});

describe(parseTableRateCarriers.name, () => {
  it('accepts the built-in parcel, same-day courier and freight tables and fills defaults', () => {
    const carriers = parseTableRateCarriers(DEFAULT_CARRIER_TABLES);
    expect(carriers.map((c) => c.id)).toEqual(['baton-parcel', 'city-courier', 'baton-freight']);
    expect(carriers[0].services[0]).toMatchObject({ operatingDays: [1, 2, 3, 4, 5], sameDay: false, timeWindow: false, deliverBy: '18:00' });
    expect(carriers[1].services.every((s) => s.sameDay)).toBe(true);
  });

  it('names every problem of a bad table by its path', () => {
    const bad = minimal();
    bad.timeZone = 'Nowhere/Land';
    bad.services[0].cutoff = '25:00';
    bad.services[0].rates[0].zone = 'moon';
    bad.zones.push({ code: 'empty' });
    expect(() => parseTableRateCarriers([bad])).toThrow(/timeZone: must be an IANA time zone/);
    expect(() => parseTableRateCarriers([bad])).toThrow(/services\.0\.cutoff: must be HH:MM/);
    expect(() => parseTableRateCarriers([bad])).toThrow(/services\.0\.rates\.0\.zone: unknown zone moon/);
    expect(() => parseTableRateCarriers([bad])).toThrow(/zones\.1: a zone needs countries, postalPrefixes or maxDistanceKm/);
  });

  it('refuses duplicate carriers, duplicate services and an empty list', () => {
    expect(() => parseTableRateCarriers([minimal(), minimal()])).toThrow(/duplicate carrier id test-carrier/);
    const twice = minimal();
    twice.services.push({ ...twice.services[0] });
    expect(() => parseTableRateCarriers([twice])).toThrow(/duplicate service std/);
    expect(() => parseTableRateCarriers([])).toThrow(/Invalid carrier tables/);
  });
});
