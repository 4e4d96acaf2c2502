import { refusalReasons, type CarrierQuote } from './carrier-quote';
import type { QuoteCache } from './quote-cache';
import type { DeliveryMethod, MethodProfile } from './delivery-methods';
import { distanceKm } from './geo';
import type {
  CandidateExplanation,
  CandidateLocation,
  CandidateScores,
  GeoPoint,
  MethodRule,
  Rejection,
  SourcingLine,
  SourcingStrategy,
  SourcingWeights,
} from './sourcing-model';
import type { StockLedger } from './stock-ledger';

/** The lines of an order that travel the same way to the same place: planned together. */
export interface DeliveryGroup {
  key: string;
  method: DeliveryMethod;
  profile: MethodProfile;
  rule: MethodRule;
  destinationLocationId?: string;
  /** Where carried goods go: the address or the destination location. */
  destinationPoint?: GeoPoint;
  destinationCountry?: string;
  /** The customer's address, for how far a pickup store is from them. */
  addressPoint?: GeoPoint;
  /** Largest quantity first, then by line id: the order lines are packed in. */
  lines: SourcingLine[];
  /** The distinct SKUs of the group, and for each line the index of its SKU there. */
  skus: string[];
  lineSku: number[];
  /** The carrier services usable for the group's terms, with their quotes shared between candidates. */
  quotes: QuoteCache;
  demandBySku: Map<string, number>;
  totalUnits: number;
  /** Reused working space of one candidate's screening (one entry per SKU). */
  scratch: number[];
  /** Why a candidate with none of the group's lines is rejected (the same for every such candidate). */
  noStockDetail: string;
}

/** Settings of one planning run, shared by every group. */
export interface PlanningSettings {
  strategy: SourcingStrategy;
  weights: SourcingWeights;
  keepLinesWhole: boolean;
  maxLocations: number;
  excluded: ReadonlySet<string>;
}

/** A candidate after screening for one group: why it cannot serve, or how well it could. */
export interface ScreenedCandidate {
  candidate: CandidateLocation;
  distanceKm: number | null;
  rejections: Rejection[];
  scores: CandidateScores;
  /** It can serve every line of the group alone. */
  fullCover: boolean;
  /** Its best carrier quote for what it can serve (null for a pickup, undefined when rejected). */
  ownQuote?: CarrierQuote | null;
  /** What it has of each of the group's SKUs (see `DeliveryGroup.skus`) when the group is planned. */
  stock: number[];
  /** Strategy ranking key (lower first); the candidate's position breaks ties. */
  metric: number[];
  /** Its entry in the explanation (outcome settled once the plan is chosen). */
  explanation: CandidateExplanation;
  position: number;
}

/** The weight and value of a set of line quantities. */
export function loadOf(lines: ReadonlyArray<{ line: SourcingLine; quantity: number }>): { weightGrams: number; valueMinor: number } {
  let weightGrams = 0;
  let valueMinor = 0;
  for (const { line, quantity } of lines) {
    weightGrams += line.unitWeightGrams * quantity;
    valueMinor += line.unitValueMinor * quantity;
  }
  return { weightGrams, valueMinor };
}

function staticRejections(candidate: CandidateLocation, group: DeliveryGroup, settings: PlanningSettings): Rejection[] {
  const rejections: Rejection[] = [];
  if (settings.excluded.has(candidate.locationId)) {
    rejections.push({ code: 'EXCLUDED', detail: 'excluded by the sourcing rules or the request' });
  }
  if (!group.rule.allowedLocationTypes.includes(candidate.type)) {
    rejections.push({
      code: 'TYPE_NOT_ALLOWED',
      detail: `a ${candidate.type} may not serve ${group.method} (allowed: ${group.rule.allowedLocationTypes.join(', ') || 'none'})`,
    });
  }
  const missing = group.rule.requiredCapabilities.filter((capability) => !candidate.capabilities.includes(capability));
  if (missing.length > 0) {
    rejections.push({ code: 'MISSING_CAPABILITY', detail: `lacks ${missing.join(', ')} needed for ${group.method}` });
  }
  if (group.profile.pickup && candidate.locationId !== group.destinationLocationId) {
    rejections.push({
      code: 'NOT_THE_PICKUP_LOCATION',
      detail: `${group.method} is served only by the chosen location ${group.destinationLocationId ?? '(none)'}`,
    });
  }
  if (!group.profile.pickup && group.destinationLocationId === candidate.locationId) {
    rejections.push({ code: 'IS_THE_DESTINATION', detail: 'the goods are going to this location' });
  }
  return rejections;
}

/**
 * Screens one candidate for one group: every constraint it breaks (all of them, so the
 * explanation is complete), and for the rest what it could serve and its best carrier quote for
 * that under the strategy.
 */
export function screenCandidate(
  candidate: CandidateLocation,
  position: number,
  group: DeliveryGroup,
  ledger: StockLedger,
  settings: PlanningSettings,
): ScreenedCandidate {
  const rejections = staticRejections(candidate, group, settings);
  const from = group.profile.pickup ? group.addressPoint : group.destinationPoint;
  const distance = from && candidate.coordinates ? distanceKm(candidate.coordinates, from) : null;

  const full = candidate.remainingCapacity !== undefined && candidate.remainingCapacity <= 0;
  if (full) rejections.push({ code: 'NO_CAPACITY', detail: 'accepts no more fulfilments today' });
  const skuCount = group.skus.length;
  const stock = new Array<number>(skuCount);
  const left = group.scratch;
  for (let k = 0; k < skuCount; k++) left[k] = stock[k] = ledger.available(candidate, group.skus[k]);
  let linesCoverable = 0;
  let unitsCoverable = 0;
  let weightGrams = 0;
  let valueMinor = 0;
  for (let i = 0; i < group.lines.length; i++) {
    const line = group.lines[i];
    const available = left[group.lineSku[i]];
    const whole = available >= line.quantity;
    const quantity = whole ? line.quantity : settings.keepLinesWhole ? 0 : Math.max(0, Math.min(available, line.quantity));
    if (whole) linesCoverable += 1;
    left[group.lineSku[i]] = available - quantity;
    unitsCoverable += quantity;
    weightGrams += line.unitWeightGrams * quantity;
    valueMinor += line.unitValueMinor * quantity;
  }
  const fullCover = unitsCoverable === group.totalUnits && linesCoverable === group.lines.length;
  if (unitsCoverable === 0) rejections.push({ code: 'NO_STOCK', detail: group.noStockDetail });

  const scores: CandidateScores = {
    distanceKm: distance,
    linesCoverable,
    unitsCoverable,
    handlingCostMinor: candidate.handlingCostMinor,
    carrierServiceId: null,
    shippingCostMinor: null,
    etaDays: null,
    coveredMinor: null,
    valueMinor,
    weightedScore: null,
  };
  const screened: ScreenedCandidate = {
    candidate,
    distanceKm: distance,
    rejections,
    scores,
    fullCover,
    ownQuote: undefined,
    stock,
    metric: NO_METRIC,
    position,
    explanation: {
      locationId: candidate.locationId,
      type: candidate.type,
      outcome: 'rejected',
      rejections,
      notSelectedBecause: undefined,
      scores,
    },
  };
  if (rejections.length > 0) return screened;

  if (group.profile.pickup) {
    screened.ownQuote = null;
    scores.shippingCostMinor = 0;
    scores.etaDays = 0;
    scores.coveredMinor = valueMinor;
  } else {
    const shipment = { distanceKm: distance, country: group.destinationCountry, weightGrams, valueMinor };
    const best = group.quotes.best(shipment);
    if (!best) {
      const reasons = refusalReasons(group.quotes.services, shipment).slice(0, 4);
      rejections.push({
        code: 'NO_CARRIER_SERVICE',
        detail: reasons.length === 0 ? 'no carrier services configured' : `no carrier service can take it: ${reasons.join('; ')}`,
      });
      return screened;
    }
    screened.ownQuote = best;
    scores.carrierServiceId = best.serviceId;
    scores.shippingCostMinor = best.costMinor;
    scores.etaDays = best.etaDays;
    scores.coveredMinor = best.coveredMinor;
  }
  const cost = (scores.shippingCostMinor ?? 0) + candidate.handlingCostMinor;
  scores.weightedScore =
    (settings.weights.cost * cost) / 100 +
    settings.weights.etaDay * (scores.etaDays ?? 0) +
    (settings.weights.uninsured * (valueMinor - (scores.coveredMinor ?? 0))) / 100 +
    settings.weights.distanceKm * (distance ?? 0);
  screened.metric = rankingMetric(screened, settings.strategy, cost);
  return screened;
}

const NO_METRIC: number[] = [];

/** The key eligible candidates are ranked by under a strategy (lower first). */
function rankingMetric(screened: ScreenedCandidate, strategy: SourcingStrategy, cost: number): number[] {
  const s = screened.scores;
  const eta = s.etaDays ?? 0;
  const distance = s.distanceKm ?? Number.MAX_SAFE_INTEGER;
  switch (strategy) {
    case 'fastest':
      return [eta, cost, distance];
    case 'cheapest':
      return [cost, eta, distance];
    case 'best_coverage': {
      const uncoveredShare = s.valueMinor === 0 ? 0 : 1 - (s.coveredMinor ?? 0) / s.valueMinor;
      return [uncoveredShare, cost, eta];
    }
    case 'fewest_splits':
      return [-s.unitsCoverable, cost, eta];
    case 'weighted':
      return [s.weightedScore ?? 0, cost];
  }
}

export function compareMetric(a: ScreenedCandidate, b: ScreenedCandidate): number {
  for (let i = 0; i < a.metric.length; i++) {
    const d = (a.metric[i] ?? 0) - (b.metric[i] ?? 0);
    if (d !== 0) return d;
  }
  return a.position - b.position;
}

