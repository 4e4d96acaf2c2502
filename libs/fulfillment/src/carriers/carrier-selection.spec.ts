import type { CarrierQuote } from './carrier';
import { coverageOf, rankQuotes, selectQuote } from './carrier-selection';

const quote = (serviceCode: string, priceMinor: number, deliveryDay: number, insuredValueLimitMinor: number, meetsRequirement = true): CarrierQuote => ({
  carrierId: 'c',
  serviceCode,
  serviceName: serviceCode,
  zone: 'z',
  priceMinor,
  currency: 'EUR',
  transitDays: deliveryDay,
  cutoff: '17:00',
  shipAt: new Date('2026-11-18T16:00:00Z'),
  estimatedDeliveryAt: new Date(`2026-11-${18 + deliveryDay}T17:00:00Z`),
  insuredValueLimitMinor,
  sameDay: false,
  timeWindow: false,
  meetsRequirement,
  billableWeightGrams: 1000,
});

const cheapSlow = quote('cheap-slow', 500, 3, 10_000);
const dearFast = quote('dear-fast', 1_500, 1, 250_000);
const midMid = quote('mid', 900, 2, 100_000);
const all = [dearFast, cheapSlow, midMid];

describe('carrier selection', () => {
  it('picks the cheapest, the fastest or the best covered service', () => {
    expect(selectQuote(all, 'cheapest', 5_000)?.serviceCode).toBe('cheap-slow');
    expect(selectQuote(all, 'fastest', 5_000)?.serviceCode).toBe('dear-fast');
    expect(selectQuote(all, 'best_insurance', 5_000)?.serviceCode).toBe('cheap-slow');
  });

  it('prefers services that insure the whole value, for cheapest and fastest alike', () => {
    expect(selectQuote(all, 'cheapest', 50_000)?.serviceCode).toBe('mid');
    expect(selectQuote(all, 'cheapest', 150_000)?.serviceCode).toBe('dear-fast');
    expect(selectQuote([cheapSlow, midMid], 'fastest', 200_000)?.serviceCode).toBe('mid');
  });

  it('insures as much as possible when no service covers the value, capped at each limit', () => {
    expect(coverageOf(dearFast, 1_000_000)).toBe(250_000);
    expect(coverageOf(cheapSlow, 3_000)).toBe(3_000);
    expect(selectQuote(all, 'best_insurance', 1_000_000)?.serviceCode).toBe('dear-fast');
    expect(selectQuote([cheapSlow, midMid], 'cheapest', 1_000_000)?.serviceCode).toBe('cheap-slow');
  });

  it('breaks a coverage tie by price, then delivery', () => {
    const alsoFull = quote('also-full', 700, 2, 10_000);
    expect(selectQuote([midMid, alsoFull, cheapSlow], 'best_insurance', 8_000)?.serviceCode).toBe('cheap-slow');
    expect(rankQuotes([midMid, alsoFull, cheapSlow], 'best_insurance', 8_000).map((q) => q.serviceCode)).toEqual(['cheap-slow', 'also-full', 'mid']);
  });

  it('never picks a service that cannot honour the delivery, and is deterministic on ties', () => {
    const notSameDay = quote('not-same-day', 1, 0, 1_000_000, false);
    expect(selectQuote([notSameDay, midMid], 'cheapest', 1)?.serviceCode).toBe('mid');
    expect(selectQuote([notSameDay], 'fastest', 1)).toBeUndefined();
    const twinA = quote('a', 900, 2, 100_000);
    const twinB = quote('b', 900, 2, 100_000);
    expect(selectQuote([twinB, twinA], 'cheapest', 1)?.serviceCode).toBe('a');
    expect(selectQuote([twinA, twinB], 'cheapest', 1)?.serviceCode).toBe('a');
  });
});
