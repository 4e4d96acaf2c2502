import type { CarrierQuote } from './carrier-quote';
import { compareMetric, loadOf, type DeliveryGroup, type PlanningSettings, type ScreenedCandidate } from './candidate-screening';
import type { SourcingLine, SourcingStrategy } from './sourcing-model';

export interface DraftShipment {
  screened: ScreenedCandidate;
  parts: Array<{ line: SourcingLine; quantity: number }>;
}

/** An assignment of the group's lines to locations, before carriers are chosen. */
export interface DraftPlan {
  shipments: DraftShipment[];
  uncovered: SourcingLine[];
}

export interface EvaluatedShipment extends DraftShipment {
  quote: CarrierQuote | null;
  weightGrams: number;
  valueMinor: number;
  shippingCostMinor: number;
  handlingCostMinor: number;
  etaDays: number;
  coveredMinor: number;
}

/** A plan with its carriers chosen and every criterion measured. */
export interface EvaluatedPlan {
  shipments: EvaluatedShipment[];
  uncovered: SourcingLine[];
  complete: boolean;
  unitsCovered: number;
  splits: number;
  costMinor: number;
  maxEtaDays: number;
  valueMinor: number;
  coveredMinor: number;
  distanceKm: number;
  weightedScore: number;
  key: string;
}

/**
 * Assigns the lines, largest first, to locations in the given order of preference. A line goes
 * whole to the first location that has all of it (an already used one first when
 * `preferOpened`, to avoid a split); when lines may be split it is spread over locations instead,
 * all or nothing. No more than `maxLocations` locations are used; what cannot be placed stays
 * uncovered. What one line takes of a location is gone for the next line of the same SKU.
 */
export function buildPlan(
  order: readonly ScreenedCandidate[],
  group: DeliveryGroup,
  settings: PlanningSettings,
  options: { preferOpened: boolean; maxLocations: number },
): DraftPlan {
  const skuCount = group.skus.length;
  const taken = new Map<number, number>();
  const available = (s: ScreenedCandidate, sku: number) => s.stock[sku] - (taken.get(s.position * skuCount + sku) ?? 0);
  const take = (s: ScreenedCandidate, sku: number, quantity: number) => {
    const key = s.position * skuCount + sku;
    taken.set(key, (taken.get(key) ?? 0) + quantity);
  };
  const opened = new Map<ScreenedCandidate, DraftShipment>();
  const shipments: DraftShipment[] = [];
  const uncovered: SourcingLine[] = [];
  const open = (s: ScreenedCandidate): DraftShipment => {
    let shipment = opened.get(s);
    if (!shipment) {
      shipment = { screened: s, parts: [] };
      opened.set(s, shipment);
      shipments.push(shipment);
    }
    return shipment;
  };

  for (let i = 0; i < group.lines.length; i++) {
    const line = group.lines[i];
    const sku = group.lineSku[i];
    let target: ScreenedCandidate | undefined;
    if (options.preferOpened) target = shipments.find((s) => available(s.screened, sku) >= line.quantity)?.screened;
    if (!target) {
      const mayOpen = opened.size < options.maxLocations;
      target = order.find((s) => (mayOpen || opened.has(s)) && available(s, sku) >= line.quantity);
    }
    if (target) {
      take(target, sku, line.quantity);
      open(target).parts.push({ line, quantity: line.quantity });
      continue;
    }
    if (settings.keepLinesWhole) {
      uncovered.push(line);
      continue;
    }
    const parts: Array<{ s: ScreenedCandidate; quantity: number }> = [];
    let left = line.quantity;
    let newlyOpened = 0;
    const visit = (s: ScreenedCandidate) => {
      if (left === 0 || parts.some((p) => p.s === s)) return;
      const isNew = !opened.has(s);
      if (isNew && opened.size + newlyOpened >= options.maxLocations) return;
      const quantity = Math.min(left, available(s, sku));
      if (quantity > 0) {
        parts.push({ s, quantity });
        left -= quantity;
        if (isNew) newlyOpened += 1;
      }
    };
    for (const shipment of shipments) visit(shipment.screened);
    for (const s of order) {
      if (left === 0) break;
      visit(s);
    }
    if (left > 0) {
      uncovered.push(line);
      continue;
    }
    for (const part of parts) {
      take(part.s, sku, part.quantity);
      open(part.s).parts.push({ line, quantity: part.quantity });
    }
  }
  return { shipments, uncovered };
}

/** Chooses each shipment's carrier under the strategy and measures the plan; undefined when a shipment cannot be carried. */
export function evaluatePlan(draft: DraftPlan, group: DeliveryGroup, settings: PlanningSettings): EvaluatedPlan | undefined {
  const shipments: EvaluatedShipment[] = [];
  for (const shipment of draft.shipments) {
    const { weightGrams, valueMinor } = loadOf(shipment.parts);
    let quote: CarrierQuote | null = null;
    if (!group.profile.pickup) {
      quote = group.quotes.best({ distanceKm: shipment.screened.distanceKm, country: group.destinationCountry, weightGrams, valueMinor }) ?? null;
      if (!quote) return undefined;
    }
    shipments.push({
      ...shipment,
      quote,
      weightGrams,
      valueMinor,
      shippingCostMinor: quote?.costMinor ?? 0,
      handlingCostMinor: shipment.screened.candidate.handlingCostMinor,
      etaDays: quote?.etaDays ?? 0,
      coveredMinor: quote ? quote.coveredMinor : valueMinor,
    });
  }
  return measure(shipments, draft.uncovered, group, settings);
}

/** Measures a plan whose shipments are already quoted. */
export function measure(
  shipments: EvaluatedShipment[],
  uncovered: SourcingLine[],
  group: DeliveryGroup,
  settings: PlanningSettings,
): EvaluatedPlan {
  let unitsCovered = 0;
  let costMinor = 0;
  let maxEtaDays = 0;
  let valueMinor = 0;
  let coveredMinor = 0;
  let distance = 0;
  for (const s of shipments) {
    for (const part of s.parts) unitsCovered += part.quantity;
    costMinor += s.shippingCostMinor + s.handlingCostMinor;
    maxEtaDays = Math.max(maxEtaDays, s.etaDays);
    valueMinor += s.valueMinor;
    coveredMinor += s.coveredMinor;
    distance += s.screened.distanceKm ?? 0;
  }
  const splits = Math.max(0, shipments.length - 1);
  const w = settings.weights;
  const weightedScore =
    (w.cost * costMinor) / 100 + w.etaDay * maxEtaDays + w.split * splits + (w.uninsured * (valueMinor - coveredMinor)) / 100 + w.distanceKm * distance;
  return {
    shipments,
    uncovered,
    complete: uncovered.length === 0 && unitsCovered === group.totalUnits,
    unitsCovered,
    splits,
    costMinor,
    maxEtaDays,
    valueMinor,
    coveredMinor,
    distanceKm: Math.round(distance * 1000) / 1000,
    weightedScore,
    key: shipments
      .map((s) => `${s.screened.candidate.locationId}:${s.parts.map((p) => `${p.line.lineId}x${p.quantity}`).join('+')}`)
      .join('|'),
  };
}

/**
 * Orders two plans: a complete plan before an incomplete one, more units covered first, then
 * the strategy's criteria in its order of importance; the plan key makes the order total.
 */
export function comparePlans(a: EvaluatedPlan, b: EvaluatedPlan, strategy: SourcingStrategy): number {
  if (a.complete !== b.complete) return a.complete ? -1 : 1;
  if (a.unitsCovered !== b.unitsCovered) return b.unitsCovered - a.unitsCovered;
  const byKey = a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
  switch (strategy) {
    case 'fastest':
      return a.maxEtaDays - b.maxEtaDays || a.costMinor - b.costMinor || a.splits - b.splits || a.distanceKm - b.distanceKm || byKey;
    case 'cheapest':
      return a.costMinor - b.costMinor || a.maxEtaDays - b.maxEtaDays || a.splits - b.splits || a.distanceKm - b.distanceKm || byKey;
    case 'best_coverage':
      return b.coveredMinor - a.coveredMinor || a.costMinor - b.costMinor || a.maxEtaDays - b.maxEtaDays || a.splits - b.splits || byKey;
    case 'fewest_splits':
      return a.splits - b.splits || a.costMinor - b.costMinor || a.maxEtaDays - b.maxEtaDays || a.distanceKm - b.distanceKm || byKey;
    case 'weighted':
      return a.weightedScore - b.weightedScore || a.costMinor - b.costMinor || a.splits - b.splits || byKey;
  }
}

/**
 * Set-cover order: repeatedly the candidate that can take the most of what is still uncovered
 * (ties by the strategy ranking), then the rest by ranking. Locations chosen this way tend to
 * serve the group with few shipments.
 */
export function greedyCoverOrder(
  ranked: readonly ScreenedCandidate[],
  group: DeliveryGroup,
  settings: PlanningSettings,
  limit: number,
): ScreenedCandidate[] {
  const remaining = group.lines.map((line) => line.quantity);
  const chosen: ScreenedCandidate[] = [];
  const chosenSet = new Set<ScreenedCandidate>();
  const left = new Array<number>(group.skus.length);
  const coverage = (s: ScreenedCandidate, apply: boolean): number => {
    for (let k = 0; k < left.length; k++) left[k] = s.stock[k];
    let units = 0;
    for (let i = 0; i < remaining.length; i++) {
      const want = remaining[i];
      if (want === 0) continue;
      const sku = group.lineSku[i];
      const quantity = left[sku] >= want ? want : settings.keepLinesWhole ? 0 : Math.max(0, Math.min(left[sku], want));
      left[sku] -= quantity;
      units += quantity;
      if (apply) remaining[i] -= quantity;
    }
    return units;
  };
  while (chosen.length < limit && remaining.some((q) => q > 0)) {
    let best: ScreenedCandidate | undefined;
    let bestUnits = 0;
    for (const s of ranked) {
      if (chosenSet.has(s)) continue;
      const units = coverage(s, false);
      if (units > bestUnits || (units === bestUnits && units > 0 && best && compareMetric(s, best) < 0)) {
        best = s;
        bestUnits = units;
      }
    }
    if (!best) break;
    chosen.push(best);
    chosenSet.add(best);
    coverage(best, true);
  }
  return chosen.length === 0 ? [...ranked] : [...chosen, ...ranked.filter((s) => !chosenSet.has(s))];
}
