import {
  compareMetric,
  screenCandidate,
  type DeliveryGroup,
  type PlanningSettings,
  type ScreenedCandidate,
} from './candidate-screening';
import { buildPlan, comparePlans, evaluatePlan, greedyCoverOrder, measure, type EvaluatedPlan } from './plan-search';
import type {
  CandidateExplanation,
  CandidateLocation,
  GroupExplanation,
  PlanConsidered,
  UnfulfillableLine,
  UnfulfillableReason,
} from './sourcing-model';
import type { StockLedger } from './stock-ledger';

/** Seeds tried as the first location of a multi-location plan. */
const SEEDS = 4;
/** Plans kept in the explanation besides the chosen one. */
const PLANS_EXPLAINED = 8;
/** Rejections that are about quantities, not about whether the location may serve at all. */
const STOCK_REJECTIONS: ReadonlySet<string> = new Set(['NO_STOCK']);

export interface GroupOutcome {
  plan: EvaluatedPlan | undefined;
  unfulfillable: UnfulfillableLine[];
  explanation: GroupExplanation;
}

function singleLocationPlan(s: ScreenedCandidate, group: DeliveryGroup, settings: PlanningSettings): EvaluatedPlan {
  const quote = s.ownQuote ?? null;
  const parts = group.lines.map((line) => ({ line, quantity: line.quantity }));
  return measure(
    [
      {
        screened: s,
        parts,
        quote,
        weightGrams: parts.reduce((sum, p) => sum + p.line.unitWeightGrams * p.quantity, 0),
        valueMinor: s.scores.valueMinor,
        shippingCostMinor: quote?.costMinor ?? 0,
        handlingCostMinor: s.candidate.handlingCostMinor,
        etaDays: quote?.etaDays ?? 0,
        coveredMinor: quote ? quote.coveredMinor : s.scores.valueMinor,
      },
    ],
    [],
    group,
    settings,
  );
}

function considered(plan: EvaluatedPlan, outcome: PlanConsidered['outcome']): PlanConsidered {
  return {
    locationIds: plan.shipments.map((s) => s.screened.candidate.locationId),
    complete: plan.complete,
    unitsCovered: plan.unitsCovered,
    splits: plan.splits,
    costMinor: plan.costMinor,
    maxEtaDays: plan.maxEtaDays,
    coveredMinor: plan.coveredMinor,
    weightedScore: Math.round(plan.weightedScore * 1000) / 1000,
    outcome,
  };
}

/**
 * Plans one delivery group: screens every candidate, generates candidate plans (each location
 * alone, the per-line best, a set-cover order and a few seeded variants), keeps those within the
 * split limit, and picks the best under the strategy. The chosen plan's stock is taken from the
 * ledger so later groups cannot promise it again.
 */
export function planGroup(
  group: DeliveryGroup,
  candidates: readonly CandidateLocation[],
  ledger: StockLedger,
  settings: PlanningSettings,
): GroupOutcome {
  const screened = candidates.map((candidate, position) => screenCandidate(candidate, position, group, ledger, settings));
  const ranked = screened.filter((s) => s.rejections.length === 0).sort(compareMetric);

  const plans = new Map<string, EvaluatedPlan>();
  const keep = (plan: EvaluatedPlan | undefined) => {
    if (plan && plan.unitsCovered > 0 && !plans.has(plan.key)) plans.set(plan.key, plan);
  };
  for (const s of ranked) if (s.fullCover) keep(singleLocationPlan(s, group, settings));
  if (settings.maxLocations > 1 || plans.size === 0) {
    const limit = settings.maxLocations;
    const greedy = greedyCoverOrder(ranked, group, settings, limit);
    const build = (order: readonly ScreenedCandidate[], preferOpened: boolean) =>
      keep(evaluatePlan(buildPlan(order, group, settings, { preferOpened, maxLocations: limit }), group, settings));
    build(ranked, false);
    build(ranked, true);
    build(greedy, true);
    for (const seed of ranked.slice(0, SEEDS)) build([seed, ...greedy.filter((s) => s !== seed)], true);
  }
  const ordered = [...plans.values()].sort((a, b) => comparePlans(a, b, settings.strategy));
  const chosen = ordered[0];

  const explainedPlans: PlanConsidered[] = ordered
    .slice(0, PLANS_EXPLAINED + 1)
    .map((plan) => considered(plan, plan === chosen ? 'chosen' : 'outscored'));
  let overLimit: EvaluatedPlan | undefined;
  if (chosen && !chosen.complete && Number.isFinite(settings.maxLocations)) {
    overLimit = evaluatePlan(
      buildPlan(ranked, group, settings, { preferOpened: true, maxLocations: Infinity }),
      group,
      settings,
    );
    if (overLimit && overLimit.unitsCovered > chosen.unitsCovered) explainedPlans.push(considered(overLimit, 'over_max_splits'));
  }

  if (chosen) {
    for (const shipment of chosen.shipments) {
      for (const part of shipment.parts) ledger.take(shipment.screened.candidate, part.line.sku, part.quantity);
    }
  }
  const uncovered = chosen ? chosen.uncovered : group.lines;
  const unfulfillable = uncovered.map((line) => explainUnfulfillable(line, screened, ledger, settings, overLimit));
  return {
    plan: chosen,
    unfulfillable,
    explanation: {
      groupKey: group.key,
      deliveryMethod: group.method,
      destinationLocationId: group.destinationLocationId,
      lineIds: group.lines.map((line) => line.lineId),
      rule: group.rule,
      candidates: explainCandidates(screened, chosen),
      plans: explainedPlans,
    },
  };
}

/** Settles each candidate's outcome in the explanation now that the plan is chosen. */
function explainCandidates(screened: readonly ScreenedCandidate[], chosen: EvaluatedPlan | undefined): CandidateExplanation[] {
  const selected = new Set(chosen?.shipments.map((shipment) => shipment.screened));
  return screened.map((s) => {
    const entry = s.explanation;
    if (s.rejections.length > 0) entry.outcome = 'rejected';
    else if (selected.has(s)) entry.outcome = 'selected';
    else {
      entry.outcome = 'not_selected';
      entry.notSelectedBecause = s.fullCover ? 'OUTSCORED' : 'NOT_NEEDED';
    }
    return entry;
  });
}

function explainUnfulfillable(
  line: DeliveryGroup['lines'][number],
  screened: readonly ScreenedCandidate[],
  ledger: StockLedger,
  settings: PlanningSettings,
  overLimit: EvaluatedPlan | undefined,
): UnfulfillableLine {
  let best = 0;
  let total = 0;
  let heldByRejected = 0;
  const rejectedCodes = new Map<string, number>();
  for (const s of screened) {
    const available = ledger.available(s.candidate, line.sku);
    if (available <= 0) continue;
    if (s.rejections.some((r) => !STOCK_REJECTIONS.has(r.code))) {
      heldByRejected += 1;
      for (const r of s.rejections) rejectedCodes.set(r.code, (rejectedCodes.get(r.code) ?? 0) + 1);
      continue;
    }
    best = Math.max(best, available);
    total += available;
  }
  let reason: UnfulfillableReason;
  let detail: string;
  const coveredWithMoreSplits = overLimit?.uncovered.every((u) => u.lineId !== line.lineId) ?? false;
  if (total === 0 && heldByRejected > 0) {
    reason = 'NO_ELIGIBLE_LOCATION';
    const codes = [...rejectedCodes].map(([code, n]) => `${code} ×${n}`).join(', ');
    detail = `${heldByRejected} location(s) hold ${line.sku} but none may serve ${line.deliveryMethod} (${codes})`;
  } else if ((settings.keepLinesWhole ? best : total) < line.quantity) {
    reason = 'INSUFFICIENT_STOCK';
    detail = settings.keepLinesWhole
      ? `${line.quantity} of ${line.sku} wanted from one location; the most one eligible location has is ${best}`
      : `${line.quantity} of ${line.sku} wanted; eligible locations have ${total} together`;
  } else if (coveredWithMoreSplits) {
    reason = 'MAX_SPLITS_REACHED';
    detail = `covering it would need more than ${settings.maxLocations - 1} split(s)`;
  } else {
    reason = 'INSUFFICIENT_STOCK';
    detail = `${line.sku} is left over by the other lines of this order only in quantities that cannot be combined`;
  }
  return {
    lineId: line.lineId,
    sku: line.sku,
    requested: line.quantity,
    deliveryMethod: line.deliveryMethod,
    reason,
    detail,
    bestLocationAvailable: best,
    eligibleAvailable: total,
  };
}
