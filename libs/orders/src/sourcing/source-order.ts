import { dateAfter, daysUntil, minuteOfDayUtc } from './calendar';
import { prepareServices } from './carrier-quote';
import { QuoteCache } from './quote-cache';
import type { DeliveryGroup, PlanningSettings } from './candidate-screening';
import { DEFAULT_METHOD_RULES, METHOD_PROFILES, type DeliveryMethod } from './delivery-methods';
import { planGroup } from './group-planner';
import type {
  Allocation,
  CandidateLocation,
  DestinationLocation,
  GroupExplanation,
  Shipment,
  SourcingLine,
  SourcingRequest,
  SourcingResult,
  SourcingWeights,
  UnfulfillableLine,
} from './sourcing-model';
import { StockLedger } from './stock-ledger';

/** Weights used by the `weighted` strategy when a tenant has not set its own. */
export const DEFAULT_WEIGHTS: Readonly<SourcingWeights> = { cost: 1, etaDay: 5, split: 3, uninsured: 0.1, distanceKm: 0 };

/** Pickups first (bound to one store), then deliveries to a location, then to the address. */
function groupRank(method: DeliveryMethod): number {
  const profile = METHOD_PROFILES[method];
  return profile.pickup ? 0 : profile.needsDestinationLocation ? 1 : 2;
}

function byId(a: { locationId: string }, b: { locationId: string }): number {
  return a.locationId < b.locationId ? -1 : a.locationId > b.locationId ? 1 : 0;
}

function groupLines(request: SourcingRequest): Map<string, SourcingLine[]> {
  const byKey = new Map<string, SourcingLine[]>();
  for (const line of request.lines) {
    const key = line.destinationLocationId ? `${line.deliveryMethod}@${line.destinationLocationId}` : line.deliveryMethod;
    const lines = byKey.get(key) ?? [];
    lines.push(line);
    byKey.set(key, lines);
  }
  return byKey;
}

function unfulfillableGroup(group: DeliveryGroup, reason: 'DESTINATION_UNKNOWN' | 'DESTINATION_NOT_CAPABLE', detail: string) {
  return group.lines.map(
    (line): UnfulfillableLine => ({
      lineId: line.lineId,
      sku: line.sku,
      requested: line.quantity,
      deliveryMethod: line.deliveryMethod,
      reason,
      detail,
      bestLocationAvailable: 0,
      eligibleAvailable: 0,
    }),
  );
}

/**
 * The sourcing engine: decides which location serves which line with which carrier service, by
 * the request's strategy and within its constraints, and explains the decision. Pure and
 * deterministic. Invariants (property-tested): no location is assigned more of a SKU than its
 * ATP; no location lacking a required capability, of a disallowed type, excluded or without
 * capacity left is used; every line is allocated exactly its quantity or reported
 * unfulfillable with nothing allocated.
 */
export function sourceOrder(request: SourcingRequest): SourcingResult {
  const now = new Date(request.now);
  if (Number.isNaN(now.getTime())) throw new RangeError(`now is not an instant: ${request.now}`);
  const weights = request.weights ?? DEFAULT_WEIGHTS;
  const candidates: CandidateLocation[] = [...request.candidates].sort(byId);
  const places = new Map<string, DestinationLocation>();
  for (const location of request.destinationLocations ?? []) places.set(location.locationId, location);
  for (const c of candidates) if (!places.has(c.locationId)) places.set(c.locationId, c);
  const settings: PlanningSettings = {
    strategy: request.strategy,
    weights,
    keepLinesWhole: request.constraints.keepLinesWhole,
    maxLocations: Math.max(0, Math.floor(request.constraints.maxSplits)) + 1,
    excluded: new Set(request.constraints.excludedLocationIds),
  };
  const minuteOfDay = minuteOfDayUtc(now);
  const windowDayOffset = request.requestedWindow ? daysUntil(now, request.requestedWindow.from) : undefined;

  const groups = [...groupLines(request)].map(([key, lines]): DeliveryGroup => {
    const method = lines[0].deliveryMethod;
    const destinationLocationId = lines[0].destinationLocationId;
    const demandBySku = new Map<string, number>();
    for (const line of lines) demandBySku.set(line.sku, (demandBySku.get(line.sku) ?? 0) + line.quantity);
    const sorted = [...lines].sort((a, b) => b.quantity - a.quantity || (a.lineId < b.lineId ? -1 : a.lineId > b.lineId ? 1 : 0));
    const skus = [...demandBySku.keys()];
    const profile = METHOD_PROFILES[method];
    return {
      key,
      method,
      profile: METHOD_PROFILES[method],
      rule: request.constraints.methods?.[method] ?? DEFAULT_METHOD_RULES[method],
      destinationLocationId,
      destinationPoint: destinationLocationId ? places.get(destinationLocationId)?.coordinates : request.address?.coordinates,
      destinationCountry: destinationLocationId ? places.get(destinationLocationId)?.country : request.address?.country,
      addressPoint: request.address?.coordinates,
      lines: sorted,
      skus,
      lineSku: sorted.map((line) => skus.indexOf(line.sku)),
      quotes: new QuoteCache(
        prepareServices(request.carrierServices, {
          currency: request.currency,
          minuteOfDay,
          sameDay: profile.sameDay,
          timeWindow: profile.timeWindow,
          windowDayOffset: profile.timeWindow ? windowDayOffset : undefined,
        }),
        request.strategy,
        weights,
      ),
      scratch: new Array<number>(skus.length).fill(0),
      demandBySku,
      noStockDetail: `not enough of ${skus.join(', ')} for any line${request.constraints.keepLinesWhole ? ' kept whole' : ''}`,
      totalUnits: lines.reduce((sum, line) => sum + line.quantity, 0),
    };
  });
  groups.sort((a, b) => groupRank(a.method) - groupRank(b.method) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

  const ledger = new StockLedger();
  const shipments: Shipment[] = [];
  const allocations: Allocation[] = [];
  const unfulfillable: UnfulfillableLine[] = [];
  const explanations: GroupExplanation[] = [];
  for (const group of groups) {
    if (group.profile.needsDestinationLocation) {
      const destination = group.destinationLocationId ? places.get(group.destinationLocationId) : undefined;
      const needed = group.profile.destinationCapability;
      const problem = !destination
        ? unfulfillableGroup(group, 'DESTINATION_UNKNOWN', `${group.method} needs a known destination location (got ${group.destinationLocationId ?? 'none'})`)
        : needed && !destination.capabilities.includes(needed)
          ? unfulfillableGroup(group, 'DESTINATION_NOT_CAPABLE', `location ${destination.locationId} lacks ${needed} needed for ${group.method}`)
          : undefined;
      if (problem) {
        unfulfillable.push(...problem);
        explanations.push({
          groupKey: group.key,
          deliveryMethod: group.method,
          destinationLocationId: group.destinationLocationId,
          lineIds: group.lines.map((line) => line.lineId),
          rule: group.rule,
          candidates: [],
          plans: [],
        });
        continue;
      }
    }
    const outcome = planGroup(group, candidates, ledger, settings);
    unfulfillable.push(...outcome.unfulfillable);
    explanations.push(outcome.explanation);
    for (const s of outcome.plan?.shipments ?? []) {
      const etaDate = dateAfter(now, s.etaDays);
      const carrierServiceId = s.quote?.serviceId ?? null;
      const locationId = s.screened.candidate.locationId;
      shipments.push({
        groupKey: group.key,
        deliveryMethod: group.method,
        locationId,
        destinationLocationId: group.destinationLocationId,
        carrierServiceId,
        lines: s.parts.map((p) => ({ lineId: p.line.lineId, sku: p.line.sku, quantity: p.quantity })),
        weightGrams: s.weightGrams,
        valueMinor: s.valueMinor,
        shippingCostMinor: s.shippingCostMinor,
        handlingCostMinor: s.handlingCostMinor,
        etaDays: s.etaDays,
        etaDate,
        coveredMinor: s.coveredMinor,
      });
      for (const p of s.parts) {
        allocations.push({
          lineId: p.line.lineId,
          sku: p.line.sku,
          quantity: p.quantity,
          locationId,
          deliveryMethod: group.method,
          carrierServiceId,
          etaDate,
        });
      }
    }
  }

  const lineOrder = new Map(request.lines.map((line, index) => [line.lineId, index]));
  const inLineOrder = (a: { lineId: string }, b: { lineId: string }) => (lineOrder.get(a.lineId) ?? 0) - (lineOrder.get(b.lineId) ?? 0);
  allocations.sort((a, b) => inLineOrder(a, b) || byId(a, b));
  unfulfillable.sort(inLineOrder);

  const shippingCostMinor = shipments.reduce((sum, s) => sum + s.shippingCostMinor, 0);
  const handlingCostMinor = shipments.reduce((sum, s) => sum + s.handlingCostMinor, 0);
  const latest = shipments.reduce<number | null>((max, s) => (max === null || s.etaDays > max ? s.etaDays : max), null);
  return {
    complete: unfulfillable.length === 0,
    allocations,
    shipments,
    unfulfillable,
    totals: {
      shippingCostMinor,
      handlingCostMinor,
      totalCostMinor: shippingCostMinor + handlingCostMinor,
      valueMinor: shipments.reduce((sum, s) => sum + s.valueMinor, 0),
      coveredMinor: shipments.reduce((sum, s) => sum + s.coveredMinor, 0),
      latestEtaDate: latest === null ? null : dateAfter(now, latest),
      shipments: shipments.length,
    },
    explanation: {
      strategy: request.strategy,
      now: now.toISOString(),
      weights,
      maxSplits: settings.maxLocations - 1,
      keepLinesWhole: settings.keepLinesWhole,
      groups: explanations,
    },
  };
}
