import type { RateRequest } from './carrier';
import { DEFAULT_CARRIER_TABLES } from './default-carrier-tables';
import { parseTableRateCarriers } from './table-rate-config';
import { bandPrice, billableWeightGrams, distanceKm, quoteService, zoneOf } from './table-rating';

const [parcel, courier, freight] = parseTableRateCarriers(DEFAULT_CARRIER_TABLES);
const service = (carrier: typeof parcel, code: string) => carrier.services.find((s) => s.code === code)!;
const amsterdam = { postalCode: '1012 LG', country: 'NL', latitude: 52.3731, longitude: 4.8922 };
const haarlem = { postalCode: '2011 VB', country: 'NL', latitude: 52.3874, longitude: 4.6462 };
const utrecht = { postalCode: '3511 AX', country: 'NL', latitude: 52.0907, longitude: 5.1214 };
const box = { weightGrams: 1_200, lengthMm: 300, widthMm: 200, heightMm: 100, valueMinor: 4_000 };
// Wednesday 18 November 2026, Amsterdam time (UTC+1).
const at = (day: number, time: string) => new Date(`2026-11-${day}T${time}:00+01:00`);
const request = (overrides: Partial<RateRequest> = {}): RateRequest => ({
  origin: amsterdam,
  destination: haarlem,
  parcels: [box],
  readyAt: at(18, '10:00'),
  requirement: {},
  ...overrides,
});

describe('table rating', () => {
  it('finds zones by country, postal-code prefix and distance, first match winning', () => {
    expect(zoneOf(parcel, undefined, { postalCode: '1012', country: 'NL' })).toBe('domestic');
    expect(zoneOf(parcel, undefined, { postalCode: '1000', country: 'BE' })).toBe('benelux');
    expect(zoneOf(parcel, undefined, { postalCode: '10115', country: 'DE' })).toBe('eu');
    expect(zoneOf(parcel, undefined, { postalCode: '10001', country: 'US' })).toBeUndefined();
    expect(zoneOf(courier, amsterdam, haarlem)).toBe('city');
    expect(zoneOf(courier, amsterdam, utrecht)).toBe('metro');
    expect(zoneOf(courier, undefined, { postalCode: '1104 AB', country: 'NL' })).toBe('city');
    expect(zoneOf(courier, undefined, { postalCode: '3511 AX', country: 'NL' })).toBeUndefined();
    expect(distanceKm(amsterdam, utrecht)).toBeCloseTo(35, 0);
  });

  it('charges the volumetric weight when it is more than the actual weight', () => {
    expect(billableWeightGrams(box, 5000)).toBe(1_200);
    expect(billableWeightGrams({ ...box, weightGrams: 500, lengthMm: 600, widthMm: 400, heightMm: 400 }, 5000)).toBe(19_200);
    expect(billableWeightGrams({ ...box, weightGrams: 500, lengthMm: 600, widthMm: 400, heightMm: 400 })).toBe(500);
  });

  it('prices by the first weight band that takes the parcel', () => {
    const standard = service(parcel, 'standard');
    expect(bandPrice(standard, 'domestic', 2_000)).toBe(495);
    expect(bandPrice(standard, 'domestic', 2_001)).toBe(695);
    expect(bandPrice(standard, 'domestic', 31_501)).toBeUndefined();
    expect(bandPrice(standard, 'mars', 1)).toBeUndefined();
  });

  it('quotes price, zone transit, collection and delivery estimate', () => {
    const quote = quoteService(parcel, service(parcel, 'standard'), request({ destination: { postalCode: '1000', country: 'BE' } }))!;
    expect(quote).toMatchObject({ zone: 'benelux', priceMinor: 795, transitDays: 2, cutoff: '17:00', insuredValueLimitMinor: 50_000, meetsRequirement: true });
    expect(quote.shipAt).toEqual(at(18, '17:00'));
    expect(quote.estimatedDeliveryAt).toEqual(at(20, '18:00'));
  });

  it('adds up the parcels of a request and refuses a parcel above the heaviest band', () => {
    const standard = service(parcel, 'standard');
    expect(quoteService(parcel, standard, request({ parcels: [box, { ...box, weightGrams: 4_000 }] }))?.priceMinor).toBe(495 + 695);
    expect(quoteService(parcel, standard, request({ parcels: [{ ...box, weightGrams: 40_000 }] }))).toBeUndefined();
    expect(quoteService(freight, service(freight, 'pallet'), request({ parcels: [{ ...box, weightGrams: 250_000 }] }))?.priceMinor).toBe(9_500);
  });

  it('meets a same-day requirement before the cut-off only', () => {
    const sameDay = service(courier, 'same-day');
    const before = quoteService(courier, sameDay, request({ requirement: { sameDay: true } }))!;
    expect(before).toMatchObject({ meetsRequirement: true, transitDays: 0 });
    expect(before.estimatedDeliveryAt).toEqual(at(18, '22:00'));
    const after = quoteService(courier, sameDay, request({ readyAt: at(18, '15:00'), requirement: { sameDay: true } }))!;
    expect(after.meetsRequirement).toBe(false);
    expect(after.estimatedDeliveryAt).toEqual(at(19, '22:00'));
    expect(quoteService(parcel, service(parcel, 'express'), request({ requirement: { sameDay: true } }))?.meetsRequirement).toBe(false);
  });

  it('meets a window only with a window service that can reach it', () => {
    const windowService = service(courier, 'time-window');
    const evening = { start: at(19, '18:00'), end: at(19, '20:00') };
    const quote = quoteService(courier, windowService, request({ requirement: { window: evening } }))!;
    expect(quote.meetsRequirement).toBe(true);
    expect(quote.shipAt).toEqual(at(19, '16:00'));
    expect(quote.estimatedDeliveryAt).toEqual(evening.end);
    const morning = { start: at(19, '10:00'), end: at(19, '12:00') };
    expect(quoteService(courier, windowService, request({ requirement: { window: morning } }))?.shipAt).toEqual(at(19, '09:15'));
    const tooLate = { start: at(18, '09:00'), end: at(18, '10:30') };
    expect(quoteService(courier, windowService, request({ requirement: { window: tooLate } }))?.meetsRequirement).toBe(false);
    expect(quoteService(courier, service(courier, 'same-day'), request({ requirement: { window: evening } }))?.meetsRequirement).toBe(false);
  });
});
