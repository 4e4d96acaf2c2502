import type { CarrierService } from '../sourcing/sourcing-model';

const EU = ['DE', 'FR', 'AT', 'DK', 'ES', 'IT', 'PL', 'SE', 'IE', 'PT', 'FI', 'CZ'];

/**
 * The planning copy of fulfillment's built-in carrier tables (Baton Parcel, City Courier, Baton
 * Freight), so a tenant without rules of its own gets realistic prices and transit times. Cut-offs
 * are in UTC (the carriers' 17:00, 15:00, 14:00 … Amsterdam time in winter). A tenant that changes
 * its carrier tables in fulfillment sets the same table in its sourcing rules.
 */
export const DEFAULT_CARRIER_SERVICES: CarrierService[] = [
  {
    id: 'baton-parcel:standard',
    carrier: 'baton-parcel',
    name: 'Parcel Standard',
    currency: 'EUR',
    zones: [
      { code: 'domestic', countries: ['NL'] },
      { code: 'benelux', countries: ['BE', 'LU'] },
      { code: 'eu', countries: EU },
    ],
    transitDays: 1,
    transitDaysByZone: { benelux: 2, eu: 3 },
    rates: [
      { zone: 'domestic', maxWeightGrams: 2_000, priceMinor: 495 },
      { zone: 'domestic', maxWeightGrams: 5_000, priceMinor: 695 },
      { zone: 'domestic', maxWeightGrams: 10_000, priceMinor: 995 },
      { zone: 'domestic', maxWeightGrams: 31_500, priceMinor: 1_495 },
      { zone: 'benelux', maxWeightGrams: 2_000, priceMinor: 795 },
      { zone: 'benelux', maxWeightGrams: 10_000, priceMinor: 1_295 },
      { zone: 'benelux', maxWeightGrams: 31_500, priceMinor: 1_995 },
      { zone: 'eu', maxWeightGrams: 2_000, priceMinor: 1_195 },
      { zone: 'eu', maxWeightGrams: 10_000, priceMinor: 1_995 },
      { zone: 'eu', maxWeightGrams: 31_500, priceMinor: 2_995 },
    ],
    cutoffMinuteOfDay: 16 * 60,
    sameDay: false,
    timeWindow: false,
    insuredValueLimitMinor: 50_000,
  },
  {
    id: 'baton-parcel:express',
    carrier: 'baton-parcel',
    name: 'Parcel Express (insured)',
    currency: 'EUR',
    zones: [
      { code: 'domestic', countries: ['NL'] },
      { code: 'benelux', countries: ['BE', 'LU'] },
      { code: 'eu', countries: EU },
    ],
    transitDays: 1,
    rates: [
      { zone: 'domestic', maxWeightGrams: 10_000, priceMinor: 1_450 },
      { zone: 'domestic', maxWeightGrams: 31_500, priceMinor: 2_250 },
      { zone: 'benelux', maxWeightGrams: 10_000, priceMinor: 1_950 },
      { zone: 'benelux', maxWeightGrams: 31_500, priceMinor: 2_950 },
      { zone: 'eu', maxWeightGrams: 10_000, priceMinor: 2_950 },
      { zone: 'eu', maxWeightGrams: 31_500, priceMinor: 4_450 },
    ],
    cutoffMinuteOfDay: 14 * 60,
    sameDay: false,
    timeWindow: false,
    insuredValueLimitMinor: 250_000,
  },
  {
    id: 'city-courier:same-day',
    carrier: 'city-courier',
    name: 'Same-day delivery',
    currency: 'EUR',
    zones: [
      { code: 'city', maxDistanceKm: 25 },
      { code: 'metro', maxDistanceKm: 60 },
    ],
    transitDays: 0,
    rates: [
      { zone: 'city', maxWeightGrams: 5_000, priceMinor: 895 },
      { zone: 'city', maxWeightGrams: 15_000, priceMinor: 1_295 },
      { zone: 'metro', maxWeightGrams: 5_000, priceMinor: 1_495 },
      { zone: 'metro', maxWeightGrams: 15_000, priceMinor: 1_995 },
    ],
    cutoffMinuteOfDay: 13 * 60,
    sameDay: true,
    timeWindow: false,
    insuredValueLimitMinor: 100_000,
  },
  {
    id: 'city-courier:time-window',
    carrier: 'city-courier',
    name: 'Scheduled delivery in a 2-hour window',
    currency: 'EUR',
    zones: [
      { code: 'city', maxDistanceKm: 25 },
      { code: 'metro', maxDistanceKm: 60 },
    ],
    transitDays: 0,
    rates: [
      { zone: 'city', maxWeightGrams: 15_000, priceMinor: 1_195 },
      { zone: 'metro', maxWeightGrams: 15_000, priceMinor: 1_795 },
    ],
    cutoffMinuteOfDay: 15 * 60,
    sameDay: true,
    timeWindow: true,
    insuredValueLimitMinor: 100_000,
  },
  {
    id: 'baton-freight:pallet',
    carrier: 'baton-freight',
    name: 'Pallet freight',
    currency: 'EUR',
    zones: [
      { code: 'domestic', countries: ['NL'] },
      { code: 'eu', countries: ['BE', 'LU', ...EU] },
    ],
    transitDays: 2,
    transitDaysByZone: { eu: 4 },
    rates: [
      { zone: 'domestic', maxWeightGrams: 100_000, priceMinor: 6_500 },
      { zone: 'domestic', maxWeightGrams: 300_000, priceMinor: 9_500 },
      { zone: 'domestic', maxWeightGrams: 1_000_000, priceMinor: 16_500 },
      { zone: 'eu', maxWeightGrams: 100_000, priceMinor: 11_500 },
      { zone: 'eu', maxWeightGrams: 300_000, priceMinor: 17_500 },
      { zone: 'eu', maxWeightGrams: 1_000_000, priceMinor: 29_500 },
    ],
    cutoffMinuteOfDay: 11 * 60,
    sameDay: false,
    timeWindow: false,
    insuredValueLimitMinor: 2_500_000,
  },
];
