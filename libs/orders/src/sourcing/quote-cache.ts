import { compareQuotes, quotePrepared, type CarrierQuote, type PreparedServices, type ShipmentQuoteInput } from './carrier-quote';
import type { SourcingStrategy, SourcingWeights } from './sourcing-model';

/** What one service would charge for a shipment in one distance and weight bracket. */
interface Option {
  serviceId: string;
  costMinor: number;
  etaDays: number;
  insuredLimitMinor: number;
}

function upperBracket(limits: readonly number[], value: number): number {
  let low = 0;
  let high = limits.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (limits[mid] >= value) high = mid;
    else low = mid + 1;
  }
  return low;
}

/**
 * Quotes of one delivery group, shared between candidates. Within a group the destination country
 * and the time of day are fixed, so which zone and which rate of which service a shipment gets
 * depends only on the bracket its distance lies in between the services' distance limits, and the
 * bracket its weight lies in between their weight bands: every distance in (limit[i-1], limit[i]]
 * matches exactly the zones limit[i] matches, and likewise for weights. The options of a bracket
 * pair are computed once; choosing the best for a shipment's value is then a comparison over them.
 * Same answer as quoting the real distance and weight, at a fraction of the work.
 */
export class QuoteCache {
  private readonly distanceLimits: number[];
  private readonly weightLimits: number[];
  private readonly options = new Map<number, Option[]>();

  constructor(
    readonly services: PreparedServices,
    private readonly strategy: SourcingStrategy,
    private readonly weights: SourcingWeights,
  ) {
    const distances = new Set<number>();
    const grams = new Set<number>();
    for (const p of services.usable) {
      for (const zone of p.zones) if (zone.maxDistanceKm !== undefined) distances.add(zone.maxDistanceKm);
      for (const bands of p.bands) for (const band of bands) grams.add(band.maxWeightGrams);
    }
    this.distanceLimits = [...distances].sort((a, b) => a - b);
    this.weightLimits = [...grams].sort((a, b) => a - b);
  }

  best(input: ShipmentQuoteInput): CarrierQuote | undefined {
    let best: CarrierQuote | undefined;
    const candidate: CarrierQuote = { ok: true, serviceId: '', costMinor: 0, etaDays: 0, coveredMinor: 0 };
    for (const option of this.optionsFor(input)) {
      candidate.serviceId = option.serviceId;
      candidate.costMinor = option.costMinor;
      candidate.etaDays = option.etaDays;
      candidate.coveredMinor = input.valueMinor < option.insuredLimitMinor ? input.valueMinor : option.insuredLimitMinor;
      if (!best) best = { ...candidate };
      else if (compareQuotes(candidate, best, this.strategy, input.valueMinor, this.weights) < 0) Object.assign(best, candidate);
    }
    return best;
  }

  private optionsFor(input: ShipmentQuoteInput): Option[] {
    const d = input.distanceKm === null ? -1 : upperBracket(this.distanceLimits, input.distanceKm);
    const w = upperBracket(this.weightLimits, input.weightGrams);
    const key = (d + 1) * (this.weightLimits.length + 2) + w;
    let options = this.options.get(key);
    if (!options) {
      const distanceKm = d < 0 ? null : d < this.distanceLimits.length ? this.distanceLimits[d] : Infinity;
      const weightGrams = w < this.weightLimits.length ? this.weightLimits[w] : Infinity;
      options = [];
      for (const p of this.services.usable) {
        const quote = quotePrepared(p, this.services.terms, { distanceKm, country: input.country, weightGrams, valueMinor: 0 });
        if (quote) options.push({ serviceId: quote.serviceId, costMinor: quote.costMinor, etaDays: quote.etaDays, insuredLimitMinor: p.service.insuredValueLimitMinor });
      }
      this.options.set(key, options);
    }
    return options;
  }
}
