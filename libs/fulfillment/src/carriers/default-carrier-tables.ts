import type { TableRateCarrierInput } from './table-rate-config';

const EU = ['DE', 'FR', 'AT', 'DK', 'ES', 'IT', 'PL', 'SE', 'IE', 'PT', 'FI', 'CZ'];

/**
 * The built-in carriers, as data: a parcel network (standard and express), a same-day city courier
 * (same-day and evening time windows, zoned by distance or by postal code), and a pallet freight
 * service. Operators replace them with their own tables (FULFILLMENT_CARRIER_TABLES).
 */
export const DEFAULT_CARRIER_TABLES: TableRateCarrierInput[] = [
  {
    id: 'baton-parcel',
    name: 'Baton Parcel',
    timeZone: 'Europe/Amsterdam',
    currency: 'EUR',
    trackingPrefix: 'BP',
    volumetricDivisor: 5000,
    zones: [
      { code: 'domestic', countries: ['NL'] },
      { code: 'benelux', countries: ['BE', 'LU'] },
      { code: 'eu', countries: EU },
    ],
    services: [
      {
        code: 'standard',
        name: 'Parcel Standard',
        transitDays: 1,
        transitDaysByZone: { benelux: 2, eu: 3 },
        cutoff: '17:00',
        insuredValueLimitMinor: 50_000,
        rates: [
          {
            zone: 'domestic',
            bands: [
              { maxWeightGrams: 2_000, priceMinor: 495 },
              { maxWeightGrams: 5_000, priceMinor: 695 },
              { maxWeightGrams: 10_000, priceMinor: 995 },
              { maxWeightGrams: 31_500, priceMinor: 1_495 },
            ],
          },
          {
            zone: 'benelux',
            bands: [
              { maxWeightGrams: 2_000, priceMinor: 795 },
              { maxWeightGrams: 10_000, priceMinor: 1_295 },
              { maxWeightGrams: 31_500, priceMinor: 1_995 },
            ],
          },
          {
            zone: 'eu',
            bands: [
              { maxWeightGrams: 2_000, priceMinor: 1_195 },
              { maxWeightGrams: 10_000, priceMinor: 1_995 },
              { maxWeightGrams: 31_500, priceMinor: 2_995 },
            ],
          },
        ],
      },
      {
        code: 'express',
        name: 'Parcel Express (insured)',
        transitDays: 1,
        cutoff: '15:00',
        deliverBy: '12:00',
        insuredValueLimitMinor: 250_000,
        rates: [
          { zone: 'domestic', bands: [{ maxWeightGrams: 10_000, priceMinor: 1_450 }, { maxWeightGrams: 31_500, priceMinor: 2_250 }] },
          { zone: 'benelux', bands: [{ maxWeightGrams: 10_000, priceMinor: 1_950 }, { maxWeightGrams: 31_500, priceMinor: 2_950 }] },
          { zone: 'eu', bands: [{ maxWeightGrams: 10_000, priceMinor: 2_950 }, { maxWeightGrams: 31_500, priceMinor: 4_450 }] },
        ],
      },
    ],
  },
  {
    id: 'city-courier',
    name: 'City Courier',
    timeZone: 'Europe/Amsterdam',
    currency: 'EUR',
    trackingPrefix: 'CC',
    zones: [
      { code: 'city', maxDistanceKm: 25 },
      { code: 'city', countries: ['NL'], postalPrefixes: ['10', '11'] },
      { code: 'metro', maxDistanceKm: 60 },
    ],
    services: [
      {
        code: 'same-day',
        name: 'Same-day delivery',
        transitDays: 0,
        cutoff: '14:00',
        deliverBy: '22:00',
        operatingDays: [1, 2, 3, 4, 5, 6],
        sameDay: true,
        dispatchLeadMinutes: 60,
        insuredValueLimitMinor: 100_000,
        rates: [
          { zone: 'city', bands: [{ maxWeightGrams: 5_000, priceMinor: 895 }, { maxWeightGrams: 15_000, priceMinor: 1_295 }] },
          { zone: 'metro', bands: [{ maxWeightGrams: 5_000, priceMinor: 1_495 }, { maxWeightGrams: 15_000, priceMinor: 1_995 }] },
        ],
      },
      {
        code: 'time-window',
        name: 'Scheduled delivery in a 2-hour window',
        transitDays: 0,
        cutoff: '16:00',
        deliverBy: '22:00',
        operatingDays: [1, 2, 3, 4, 5, 6],
        sameDay: true,
        timeWindow: true,
        dispatchLeadMinutes: 45,
        insuredValueLimitMinor: 100_000,
        rates: [
          { zone: 'city', bands: [{ maxWeightGrams: 15_000, priceMinor: 1_195 }] },
          { zone: 'metro', bands: [{ maxWeightGrams: 15_000, priceMinor: 1_795 }] },
        ],
      },
    ],
  },
  {
    id: 'baton-freight',
    name: 'Baton Freight',
    timeZone: 'Europe/Amsterdam',
    currency: 'EUR',
    trackingPrefix: 'BF',
    zones: [
      { code: 'domestic', countries: ['NL'] },
      { code: 'eu', countries: ['BE', 'LU', ...EU] },
    ],
    services: [
      {
        code: 'pallet',
        name: 'Pallet freight',
        transitDays: 2,
        transitDaysByZone: { eu: 4 },
        cutoff: '12:00',
        deliverBy: '17:00',
        insuredValueLimitMinor: 2_500_000,
        rates: [
          {
            zone: 'domestic',
            bands: [
              { maxWeightGrams: 100_000, priceMinor: 6_500 },
              { maxWeightGrams: 300_000, priceMinor: 9_500 },
              { maxWeightGrams: 1_000_000, priceMinor: 16_500 },
            ],
          },
          {
            zone: 'eu',
            bands: [
              { maxWeightGrams: 100_000, priceMinor: 11_500 },
              { maxWeightGrams: 300_000, priceMinor: 17_500 },
              { maxWeightGrams: 1_000_000, priceMinor: 29_500 },
            ],
          },
        ],
      },
    ],
  },
];
