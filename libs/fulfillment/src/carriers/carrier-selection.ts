import type { CarrierQuote } from './carrier';

export const CARRIER_STRATEGIES = ['cheapest', 'fastest', 'best_insurance'] as const;
export type CarrierStrategy = (typeof CARRIER_STRATEGIES)[number];

export function isCarrierStrategy(value: string): value is CarrierStrategy {
  return (CARRIER_STRATEGIES as readonly string[]).includes(value);
}

/** How much of a package's value a quote's service insures. */
export function coverageOf(quote: CarrierQuote, valueMinor: number): number {
  return Math.min(quote.insuredValueLimitMinor, Math.max(0, valueMinor));
}

type Comparator = (a: CarrierQuote, b: CarrierQuote) => number;

const byPrice: Comparator = (a, b) => a.priceMinor - b.priceMinor;
const byDelivery: Comparator = (a, b) => a.estimatedDeliveryAt.getTime() - b.estimatedDeliveryAt.getTime();
const byIdentity: Comparator = (a, b) =>
  a.carrierId.localeCompare(b.carrierId) || a.serviceCode.localeCompare(b.serviceCode);

function chain(...comparators: Comparator[]): Comparator {
  return (a, b) => {
    for (const compare of comparators) {
      const result = compare(a, b);
      if (result !== 0) return result;
    }
    return 0;
  };
}

/**
 * Orders quotes for one package by a strategy, best first. Only quotes that meet the delivery
 * requirement are considered. Insured value limits act as caps:
 * - cheapest / fastest: services that insure the package's full value come first; only when none
 *   does are under-insured services considered (then by the strategy alone);
 * - best_insurance: the largest covered amount first (full cover beats any partial cover), then
 *   the cheapest, then the fastest.
 * Ties end on carrier and service code, so the choice is deterministic. Pure.
 */
export function rankQuotes(quotes: readonly CarrierQuote[], strategy: CarrierStrategy, valueMinor: number): CarrierQuote[] {
  const eligible = quotes.filter((quote) => quote.meetsRequirement);
  const byCoverage: Comparator = (a, b) => coverageOf(b, valueMinor) - coverageOf(a, valueMinor);
  if (strategy === 'best_insurance') return [...eligible].sort(chain(byCoverage, byPrice, byDelivery, byIdentity));
  const fullCover: Comparator = (a, b) =>
    Number(coverageOf(b, valueMinor) >= valueMinor) - Number(coverageOf(a, valueMinor) >= valueMinor);
  const primary = strategy === 'cheapest' ? chain(byPrice, byDelivery) : chain(byDelivery, byPrice);
  return [...eligible].sort(chain(fullCover, primary, byCoverage, byIdentity));
}

/** The service a package ships with under `strategy`, or undefined when no quote qualifies. */
export function selectQuote(quotes: readonly CarrierQuote[], strategy: CarrierStrategy, valueMinor: number): CarrierQuote | undefined {
  return rankQuotes(quotes, strategy, valueMinor)[0];
}
