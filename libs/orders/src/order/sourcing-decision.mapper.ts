import type { ordersV1 } from '@baton/contracts';
import type { SourcingExplanation, SourcingResult } from '../sourcing/sourcing-model';
import type { SourcingDecisionEntity } from './sourcing-decision.entity';

export function unfulfillableToContract(u: SourcingResult['unfulfillable'][number]): ordersV1.UnfulfillableLine {
  return {
    lineId: u.lineId,
    sku: u.sku,
    requested: u.requested,
    deliveryMethod: u.deliveryMethod,
    reason: u.reason,
    detail: u.detail,
    bestLocationAvailable: u.bestLocationAvailable,
    eligibleAvailable: u.eligibleAvailable,
  };
}

function groupsToContract(explanation: SourcingExplanation): ordersV1.GroupExplanation[] {
  return explanation.groups.map((g) => ({
    groupKey: g.groupKey,
    deliveryMethod: g.deliveryMethod,
    destinationLocationId: g.destinationLocationId ?? '',
    lineIds: g.lineIds,
    allowedLocationTypes: [...g.rule.allowedLocationTypes],
    requiredCapabilities: [...g.rule.requiredCapabilities],
    candidates: g.candidates.map((c) => ({
      locationId: c.locationId,
      type: c.type,
      outcome: c.outcome,
      rejections: c.rejections,
      notSelectedBecause: c.notSelectedBecause ?? '',
      scores: {
        distanceKm: c.scores.distanceKm ?? undefined,
        linesCoverable: c.scores.linesCoverable,
        unitsCoverable: c.scores.unitsCoverable,
        handlingCostMinor: c.scores.handlingCostMinor,
        carrierServiceId: c.scores.carrierServiceId ?? '',
        shippingCostMinor: c.scores.shippingCostMinor ?? undefined,
        etaDays: c.scores.etaDays ?? undefined,
        coveredMinor: c.scores.coveredMinor ?? undefined,
        valueMinor: c.scores.valueMinor,
        weightedScore: c.scores.weightedScore ?? undefined,
      },
    })),
    plans: g.plans.map((p) => ({ ...p, locationIds: [...p.locationIds] })),
  }));
}

/** A stored sourcing decision with its full explanation, as the explanation route returns it. */
export function decisionToContract(d: SourcingDecisionEntity): ordersV1.SourcingDecision {
  return {
    attempt: d.attempt,
    trigger: d.trigger,
    causeEventId: d.causeEventId ?? '',
    strategy: d.strategy,
    rulesVersion: d.rulesVersion,
    decidedAt: d.decidedAt.toISOString(),
    complete: d.complete,
    shipments: d.result.shipments.map((s) => ({
      groupKey: s.groupKey,
      deliveryMethod: s.deliveryMethod,
      locationId: s.locationId,
      destinationLocationId: s.destinationLocationId ?? '',
      carrierServiceId: s.carrierServiceId ?? '',
      lineIds: s.lines.map((l) => l.lineId),
      weightGrams: s.weightGrams,
      valueMinor: s.valueMinor,
      shippingCostMinor: s.shippingCostMinor,
      handlingCostMinor: s.handlingCostMinor,
      etaDays: s.etaDays,
      etaDate: s.etaDate,
      coveredMinor: s.coveredMinor,
    })),
    unfulfillable: d.result.unfulfillable.map(unfulfillableToContract),
    totals: { ...d.result.totals, latestEtaDate: d.result.totals.latestEtaDate ?? '' },
    groups: groupsToContract(d.explanation),
    weights: { ...d.explanation.weights },
    maxSplits: d.explanation.maxSplits,
    keepLinesWhole: d.explanation.keepLinesWhole,
    excludedLocationIds: d.result.excludedLocationIds ?? [],
  };
}
