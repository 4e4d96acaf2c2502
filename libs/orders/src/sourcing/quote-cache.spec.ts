import fc from 'fast-check';
import { bestQuote, prepareServices, quoteService } from './carrier-quote';
import { QuoteCache } from './quote-cache';
import { SOURCING_STRATEGIES, type CarrierService } from './sourcing-model';

const service = (index: number): fc.Arbitrary<CarrierService> =>
  fc
    .record({
      limits: fc.uniqueArray(fc.integer({ min: 1, max: 500 }), { minLength: 1, maxLength: 3 }),
      countryZone: fc.boolean(),
      bands: fc.uniqueArray(fc.integer({ min: 100, max: 30_000 }), { minLength: 1, maxLength: 3 }),
      price: fc.integer({ min: 100, max: 3000 }),
      transit: fc.integer({ min: 0, max: 4 }),
      cutoff: fc.integer({ min: 0, max: 1440 }),
      insured: fc.integer({ min: 0, max: 100_000 }),
      sameDay: fc.boolean(),
    })
    .map(({ limits, countryZone, bands, price, transit, cutoff, insured, sameDay }) => {
      const zones = [
        ...(countryZone ? [{ code: 'home', countries: ['NL'] }] : []),
        ...limits.sort((a, b) => a - b).map((km, i) => ({ code: `d${i}`, maxDistanceKm: km })),
      ];
      return {
        id: `c${index}:s`,
        carrier: `c${index}`,
        name: `s${index}`,
        currency: 'EUR',
        zones,
        transitDays: transit,
        transitDaysByZone: Object.fromEntries(zones.map((z, i) => [z.code, transit + i])),
        rates: zones.flatMap((z, i) => bands.sort((a, b) => a - b).map((g, j) => ({ zone: z.code, maxWeightGrams: g, priceMinor: price + 100 * i + 10 * j }))),
        cutoffMinuteOfDay: cutoff,
        sameDay,
        timeWindow: false,
        insuredValueLimitMinor: insured,
      };
    });

describe(QuoteCache.name, () => {
  it('gives exactly the quote of quoting every service at the real distance and weight', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 5 })
          .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => service(i))))
          .chain((services) => {
            // Exactly on a limit, or just past it, is where a bracketing mistake would show.
            const limits = services.flatMap((s) => s.zones.flatMap((z) => (z.maxDistanceKm === undefined ? [] : [z.maxDistanceKm])));
            const bands = services.flatMap((s) => s.rates.map((r) => r.maxWeightGrams));
            const near = (values: number[], max: number, step: number) =>
              fc.oneof(fc.constantFrom(...values), fc.constantFrom(...values).map((v) => v + step), fc.double({ min: 0, max, noNaN: true }));
            return fc.tuple(
              fc.constant(services),
              fc.array(
                fc.record({
                  distanceKm: fc.option(near(limits, 600, 0.001), { nil: null }),
                  weightGrams: fc.oneof(fc.constantFrom(...bands), fc.constantFrom(...bands).map((g) => g + 1), fc.integer({ min: 0, max: 35_000 })),
                  valueMinor: fc.integer({ min: 0, max: 150_000 }),
                }),
                { minLength: 1, maxLength: 20 },
              ),
            );
          }),
        fc.constantFrom(...SOURCING_STRATEGIES),
        fc.integer({ min: 0, max: 1439 }),
        fc.boolean(),
        ([services, shipments], strategy, minuteOfDay, sameDay) => {
          const weights = { cost: 1, etaDay: 7, split: 0, uninsured: 0.3, distanceKm: 0 };
          const prepared = prepareServices(services, { currency: 'EUR', minuteOfDay, sameDay, timeWindow: false });
          const cache = new QuoteCache(prepared, strategy, weights);
          for (const shipment of shipments) {
            const input = { ...shipment, country: 'NL' };
            expect(cache.best(input)).toEqual(bestQuote(prepared, input, strategy, weights));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('explains a refusal by the service that refuses', () => {
    const [courier] = [
      {
        id: 'city:courier',
        carrier: 'city',
        name: 'courier',
        currency: 'EUR',
        zones: [{ code: 'city', maxDistanceKm: 25 }],
        transitDays: 0,
        rates: [{ zone: 'city', maxWeightGrams: 5000, priceMinor: 900 }],
        cutoffMinuteOfDay: 14 * 60,
        sameDay: true,
        timeWindow: false,
        insuredValueLimitMinor: 10_000,
      },
    ];
    const base = { currency: 'EUR', minuteOfDay: 600, sameDay: true, timeWindow: false, country: 'NL', valueMinor: 100 };
    expect(quoteService(courier, { ...base, distanceKm: 40, weightGrams: 100 })).toMatchObject({ ok: false, reason: expect.stringContaining('outside its zones') });
    expect(quoteService(courier, { ...base, distanceKm: 4, weightGrams: 6000 })).toMatchObject({ ok: false, reason: 'no rate for 6000 g in zone city' });
    expect(quoteService(courier, { ...base, minuteOfDay: 15 * 60, distanceKm: 4, weightGrams: 100 })).toMatchObject({ ok: false, reason: 'past its same-day cut-off' });
    expect(quoteService(courier, { ...base, currency: 'USD', distanceKm: 4, weightGrams: 100 })).toMatchObject({ ok: false, reason: 'rates are in EUR' });
    expect(quoteService(courier, { ...base, distanceKm: 4, weightGrams: 100, valueMinor: 50_000 })).toEqual({
      ok: true,
      serviceId: 'city:courier',
      costMinor: 900,
      etaDays: 0,
      coveredMinor: 10_000,
    });
  });
});
