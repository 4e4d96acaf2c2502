import type { CarrierService, CarrierZone, SourcingStrategy, SourcingWeights } from './sourcing-model';

/** What does not change between the shipments of one delivery group. */
export interface GroupQuoteTerms {
  currency: string;
  minuteOfDay: number;
  sameDay: boolean;
  timeWindow: boolean;
  /** For a scheduled delivery: the day (from today) of the requested window. */
  windowDayOffset?: number;
}

/** What one shipment asks of a carrier service. */
export interface ShipmentQuoteInput {
  /** Null when either end has no coordinates: zones by distance do not match. */
  distanceKm: number | null;
  /** Destination country, for zones by country. */
  country?: string;
  weightGrams: number;
  valueMinor: number;
}

export type QuoteInput = GroupQuoteTerms & ShipmentQuoteInput;

export interface CarrierQuote {
  ok: true;
  serviceId: string;
  costMinor: number;
  etaDays: number;
  coveredMinor: number;
}

export interface CarrierRefusal {
  ok: false;
  serviceId: string;
  reason: string;
}

interface Band {
  maxWeightGrams: number;
  priceMinor: number;
}

/** A service that passed the group's terms, with its rate table indexed by zone. */
export interface PreparedService {
  service: CarrierService;
  zones: readonly CarrierZone[];
  bands: ReadonlyArray<readonly Band[]>;
  transit: readonly number[];
  /** 0 when handed over today, 1 when the cut-off has passed. */
  dispatchDay: number;
}

/** The services usable for a group, and why the others are not. */
export interface PreparedServices {
  terms: GroupQuoteTerms;
  usable: PreparedService[];
  refused: CarrierRefusal[];
}

/**
 * Applies the group's terms (currency, same-day, time window, cut-off) to every service once,
 * so a shipment is quoted only against the services that can carry anything of the group.
 */
export function prepareServices(services: readonly CarrierService[], terms: GroupQuoteTerms): PreparedServices {
  const usable: PreparedService[] = [];
  const refused: CarrierRefusal[] = [];
  for (const service of services) {
    const refuse = (reason: string) => refused.push({ ok: false, serviceId: service.id, reason });
    const dispatchDay = terms.minuteOfDay < service.cutoffMinuteOfDay ? 0 : 1;
    if (service.currency !== terms.currency) refuse(`rates are in ${service.currency}`);
    else if (terms.sameDay && !service.sameDay) refuse('no same-day delivery');
    else if (terms.timeWindow && !service.timeWindow) refuse('no time-window delivery');
    else if (terms.sameDay && dispatchDay > 0) refuse('past its same-day cut-off');
    else {
      usable.push({
        service,
        zones: service.zones,
        bands: service.zones.map((zone) =>
          service.rates
            .filter((rate) => rate.zone === zone.code)
            .map((rate) => ({ maxWeightGrams: rate.maxWeightGrams, priceMinor: rate.priceMinor }))
            .sort((a, b) => a.maxWeightGrams - b.maxWeightGrams),
        ),
        transit: service.zones.map((zone) => service.transitDaysByZone?.[zone.code] ?? service.transitDays),
        dispatchDay,
      });
    }
  }
  return { terms, usable, refused };
}

function zoneIndex(p: PreparedService, input: ShipmentQuoteInput): number {
  const zones = p.zones;
  for (let i = 0; i < zones.length; i++) {
    const zone = zones[i];
    if (zone.countries !== undefined && (input.country === undefined || !zone.countries.includes(input.country))) continue;
    if (zone.maxDistanceKm !== undefined && (input.distanceKm === null || input.distanceKm > zone.maxDistanceKm)) continue;
    return i;
  }
  return -1;
}

/** Quotes one shipment with one prepared service into `out`; false when it cannot carry it (see {@link refusalOf}). */
function quoteInto(p: PreparedService, terms: GroupQuoteTerms, input: ShipmentQuoteInput, out: CarrierQuote): boolean {
  const zone = zoneIndex(p, input);
  if (zone < 0) return false;
  const bands = p.bands[zone];
  let price = -1;
  for (let i = 0; i < bands.length; i++) {
    if (bands[i].maxWeightGrams >= input.weightGrams) {
      price = bands[i].priceMinor;
      break;
    }
  }
  if (price < 0) return false;
  let etaDays = p.dispatchDay + p.transit[zone];
  if (terms.sameDay && etaDays > 0) return false;
  if (terms.timeWindow && terms.windowDayOffset !== undefined) {
    if (etaDays > terms.windowDayOffset) return false;
    etaDays = terms.windowDayOffset;
  }
  const limit = p.service.insuredValueLimitMinor;
  out.serviceId = p.service.id;
  out.costMinor = price;
  out.etaDays = etaDays;
  out.coveredMinor = input.valueMinor < limit ? input.valueMinor : limit;
  return true;
}

/** Quotes one shipment with one prepared service; undefined when it cannot carry it (see {@link refusalOf}). */
export function quotePrepared(p: PreparedService, terms: GroupQuoteTerms, input: ShipmentQuoteInput): CarrierQuote | undefined {
  const out: CarrierQuote = { ok: true, serviceId: '', costMinor: 0, etaDays: 0, coveredMinor: 0 };
  return quoteInto(p, terms, input, out) ? out : undefined;
}

/** Why a prepared service cannot carry a shipment (only computed for explanations). */
export function refusalOf(p: PreparedService, terms: GroupQuoteTerms, input: ShipmentQuoteInput): string {
  const zone = zoneIndex(p, input);
  if (zone < 0) return `destination outside its zones (${input.distanceKm ?? '?'} km, ${input.country ?? 'no country'})`;
  if (!p.bands[zone].some((band) => band.maxWeightGrams >= input.weightGrams)) {
    return `no rate for ${input.weightGrams} g in zone ${p.zones[zone].code}`;
  }
  const etaDays = p.dispatchDay + p.transit[zone];
  if (terms.sameDay && etaDays > 0) return 'cannot deliver the same day';
  return `cannot arrive by the requested window (earliest in ${etaDays} days)`;
}

/**
 * Prices one shipment with one carrier service from its rate table, or says why it cannot carry
 * it. Exact: the price is a table entry in minor units, never computed by division.
 */
export function quoteService(service: CarrierService, input: QuoteInput): CarrierQuote | CarrierRefusal {
  const prepared = prepareServices([service], input);
  if (prepared.refused.length > 0) return prepared.refused[0];
  const p = prepared.usable[0];
  return quotePrepared(p, input, input) ?? { ok: false, serviceId: service.id, reason: refusalOf(p, input, input) };
}

/** Weighted score of one shipment's quote (the part of the plan score a carrier choice changes). */
export function quoteScore(quote: CarrierQuote, valueMinor: number, weights: SourcingWeights): number {
  return (weights.cost * quote.costMinor) / 100 + weights.etaDay * quote.etaDays + (weights.uninsured * (valueMinor - quote.coveredMinor)) / 100;
}

/** Orders two quotes by what the strategy values in a carrier; the service id breaks ties. */
export function compareQuotes(
  a: CarrierQuote,
  b: CarrierQuote,
  strategy: SourcingStrategy,
  valueMinor: number,
  weights: SourcingWeights,
): number {
  const byId = a.serviceId < b.serviceId ? -1 : a.serviceId > b.serviceId ? 1 : 0;
  switch (strategy) {
    case 'fastest':
      return a.etaDays - b.etaDays || a.costMinor - b.costMinor || byId;
    case 'best_coverage':
      return b.coveredMinor - a.coveredMinor || a.costMinor - b.costMinor || a.etaDays - b.etaDays || byId;
    case 'weighted':
      return quoteScore(a, valueMinor, weights) - quoteScore(b, valueMinor, weights) || a.costMinor - b.costMinor || byId;
    case 'cheapest':
    case 'fewest_splits':
      return a.costMinor - b.costMinor || a.etaDays - b.etaDays || byId;
  }
}

const candidateQuote: CarrierQuote = { ok: true, serviceId: '', costMinor: 0, etaDays: 0, coveredMinor: 0 };

/**
 * The best quote under the strategy among the prepared services, or undefined when none can
 * carry it. Runs for every candidate of every plan, so it quotes into one scratch object and
 * allocates only the result.
 */
export function bestQuote(
  prepared: PreparedServices,
  input: ShipmentQuoteInput,
  strategy: SourcingStrategy,
  weights: SourcingWeights,
): CarrierQuote | undefined {
  let best: CarrierQuote | undefined;
  for (const p of prepared.usable) {
    if (!quoteInto(p, prepared.terms, input, candidateQuote)) continue;
    if (!best) best = { ...candidateQuote };
    else if (compareQuotes(candidateQuote, best, strategy, input.valueMinor, weights) < 0) Object.assign(best, candidateQuote);
  }
  return best;
}

/** Every reason the group's services give for not carrying a shipment, deduplicated. */
export function refusalReasons(prepared: PreparedServices, input: ShipmentQuoteInput): string[] {
  const reasons = [...prepared.refused.map((r) => r.reason), ...prepared.usable.map((p) => refusalOf(p, prepared.terms, input))];
  return [...new Set(reasons)];
}
