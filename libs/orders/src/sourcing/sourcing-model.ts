/**
 * The input and output of the sourcing engine. Everything here is plain data: the engine reads
 * no clock, no database and no network, so the same request always yields the same plan and the
 * same explanation (the time of day it plans for is part of the request).
 */

import type { DeliveryMethod } from './delivery-methods';

export const SOURCING_STRATEGIES = ['fastest', 'cheapest', 'best_coverage', 'fewest_splits', 'weighted'] as const;
export type SourcingStrategy = (typeof SOURCING_STRATEGIES)[number];

export interface GeoPoint {
  latitude: number;
  longitude: number;
}

/** One line to source. Money in integer minor units; weight in grams. */
export interface SourcingLine {
  lineId: string;
  sku: string;
  quantity: number;
  /** What one unit is worth, for insurance coverage (the price the customer pays). */
  unitValueMinor: number;
  unitWeightGrams: number;
  deliveryMethod: DeliveryMethod;
  /**
   * The location the goods go to (ship-to-store, transfer) or are collected at (click-and-collect,
   * curbside). Absent for deliveries to the order's address.
   */
  destinationLocationId?: string;
}

/** A location the goods go to or are collected at, when it is not itself a candidate. */
export interface DestinationLocation {
  locationId: string;
  type: string;
  capabilities: readonly string[];
  coordinates?: GeoPoint;
  country?: string;
}

/** One place that could fulfil: what it is, what it can do, and what it has of each SKU now. */
export interface CandidateLocation {
  locationId: string;
  /** For people reading a promise or an explanation; the engine does not use it. */
  name?: string;
  type: string;
  capabilities: readonly string[];
  coordinates?: GeoPoint;
  country?: string;
  /** Fulfilments it can still accept today; absent means no limit is known. 0 or less: full. */
  remainingCapacity?: number;
  /** What one fulfilment (one shipment or one pickup) from here costs to handle, in minor units. */
  handlingCostMinor: number;
  /** Available-to-promise now, by SKU. */
  atp: Readonly<Record<string, number>>;
}

/** Where a carrier service delivers: every criterion given must hold; the first matching zone wins. */
export interface CarrierZone {
  code: string;
  /** Destination countries (ISO 3166-1 alpha-2). */
  countries?: readonly string[];
  /** Distance from the location to the destination. */
  maxDistanceKm?: number;
}

/** One rate of a carrier service: up to this weight, in this zone, this price. */
export interface CarrierRate {
  zone: string;
  maxWeightGrams: number;
  priceMinor: number;
}

/**
 * A carrier's product with table rates by zone and weight (the shape of fulfillment's table-rate
 * carriers). A shipment handed over before `cutoffMinuteOfDay` (UTC) leaves the same day,
 * otherwise the next; it then travels `transitDays` (or the zone's own figure).
 */
export interface CarrierService {
  /** `carrier:service`, as fulfillment names it. */
  id: string;
  carrier: string;
  name: string;
  currency: string;
  zones: readonly CarrierZone[];
  transitDays: number;
  transitDaysByZone?: Readonly<Record<string, number>>;
  rates: readonly CarrierRate[];
  cutoffMinuteOfDay: number;
  sameDay: boolean;
  timeWindow: boolean;
  insuredValueLimitMinor: number;
}

/** Per-tenant weights of the `weighted` strategy; a lower score is better. */
export interface SourcingWeights {
  /** Per major currency unit (100 minor units) of shipping and handling cost. */
  cost: number;
  /** Per day until the last shipment arrives. */
  etaDay: number;
  /** Per shipment beyond the first. */
  split: number;
  /** Per major currency unit of order value left uninsured. */
  uninsured: number;
  /** Per kilometre between the locations and the destination, summed over shipments. */
  distanceKm: number;
}

/** Which locations may serve a delivery method: their types and the capabilities they must have. */
export interface MethodRule {
  allowedLocationTypes: readonly string[];
  requiredCapabilities: readonly string[];
}

export interface SourcingConstraints {
  /** Overrides of the default rule of a delivery method (see DEFAULT_METHOD_RULES). */
  methods?: Partial<Record<DeliveryMethod, MethodRule>>;
  excludedLocationIds: readonly string[];
  /** Shipments beyond the first allowed per delivery group (0 = everything from one location). */
  maxSplits: number;
  /** Never split the quantity of one line across locations. */
  keepLinesWhole: boolean;
}

export interface SourcingRequest {
  /** The instant the plan is made for (ISO 8601); cut-offs and ETAs count from it. */
  now: string;
  currency: string;
  lines: readonly SourcingLine[];
  /** The order's address, for deliveries to it: its coordinates and country pick carrier zones. */
  address?: { coordinates?: GeoPoint; country?: string };
  /** The requested delivery window (scheduled deliveries): ISO dates or instants. */
  requestedWindow?: { from: string; to: string };
  destinationLocations?: readonly DestinationLocation[];
  candidates: readonly CandidateLocation[];
  carrierServices: readonly CarrierService[];
  strategy: SourcingStrategy;
  weights?: SourcingWeights;
  constraints: SourcingConstraints;
}

/** What one location ships (or hands over) for one delivery group. */
export interface Shipment {
  groupKey: string;
  deliveryMethod: DeliveryMethod;
  locationId: string;
  destinationLocationId?: string;
  /** Null for collection in store: nothing travels. */
  carrierServiceId: string | null;
  lines: Array<{ lineId: string; sku: string; quantity: number }>;
  weightGrams: number;
  valueMinor: number;
  shippingCostMinor: number;
  handlingCostMinor: number;
  /** Days from `now` until delivery or until ready for pickup. */
  etaDays: number;
  etaDate: string;
  /** The part of the value the carrier insures. */
  coveredMinor: number;
}

/** One part of a line at one location (a line kept whole has exactly one). */
export interface Allocation {
  lineId: string;
  sku: string;
  quantity: number;
  locationId: string;
  deliveryMethod: DeliveryMethod;
  carrierServiceId: string | null;
  etaDate: string;
}

export const UNFULFILLABLE_REASONS = [
  'NO_ELIGIBLE_LOCATION',
  'INSUFFICIENT_STOCK',
  'MAX_SPLITS_REACHED',
  'DESTINATION_UNKNOWN',
  'DESTINATION_NOT_CAPABLE',
] as const;
export type UnfulfillableReason = (typeof UNFULFILLABLE_REASONS)[number];

/** A line the plan does not cover, and why; nothing of it is allocated. */
export interface UnfulfillableLine {
  lineId: string;
  sku: string;
  requested: number;
  deliveryMethod: DeliveryMethod;
  reason: UnfulfillableReason;
  detail: string;
  /** The most any one eligible location has of the SKU (after earlier lines of this order). */
  bestLocationAvailable: number;
  /** What all eligible locations have together. */
  eligibleAvailable: number;
}

export const REJECTION_CODES = [
  'EXCLUDED',
  'TYPE_NOT_ALLOWED',
  'MISSING_CAPABILITY',
  'NOT_THE_PICKUP_LOCATION',
  'NO_CAPACITY',
  'IS_THE_DESTINATION',
  'NO_STOCK',
  'NO_CARRIER_SERVICE',
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

export interface Rejection {
  code: RejectionCode;
  detail: string;
}

/** How a candidate fares on each criterion, for the lines of the group it can serve. */
export interface CandidateScores {
  distanceKm: number | null;
  linesCoverable: number;
  unitsCoverable: number;
  handlingCostMinor: number;
  carrierServiceId: string | null;
  shippingCostMinor: number | null;
  etaDays: number | null;
  coveredMinor: number | null;
  valueMinor: number;
  weightedScore: number | null;
}

export type CandidateOutcome = 'selected' | 'not_selected' | 'rejected';
export type NotSelectedReason = 'OUTSCORED' | 'NOT_NEEDED';

export interface CandidateExplanation {
  locationId: string;
  type: string;
  outcome: CandidateOutcome;
  /** Non-empty exactly when the outcome is `rejected`. */
  rejections: Rejection[];
  /**
   * Why an eligible candidate is not in the plan (`not_selected`): `OUTSCORED` — it could serve
   * every line alone, but the chosen plan ranks higher under the strategy (compare its scores with
   * the chosen plan in `plans`); `NOT_NEEDED` — it could serve only part of the group, and the
   * chosen plan serves those lines from better-ranked locations.
   */
  notSelectedBecause?: NotSelectedReason;
  scores: CandidateScores;
}

/** One complete or partial plan the search evaluated for a group. */
export interface PlanConsidered {
  locationIds: string[];
  complete: boolean;
  unitsCovered: number;
  splits: number;
  costMinor: number;
  maxEtaDays: number;
  coveredMinor: number;
  weightedScore: number;
  outcome: 'chosen' | 'outscored' | 'over_max_splits';
}

export interface GroupExplanation {
  groupKey: string;
  deliveryMethod: DeliveryMethod;
  destinationLocationId?: string;
  lineIds: string[];
  rule: MethodRule;
  candidates: CandidateExplanation[];
  plans: PlanConsidered[];
}

export interface SourcingExplanation {
  strategy: SourcingStrategy;
  now: string;
  weights: SourcingWeights;
  maxSplits: number;
  keepLinesWhole: boolean;
  groups: GroupExplanation[];
}

export interface SourcingTotals {
  shippingCostMinor: number;
  handlingCostMinor: number;
  totalCostMinor: number;
  valueMinor: number;
  coveredMinor: number;
  latestEtaDate: string | null;
  shipments: number;
}

export interface SourcingResult {
  /** True when every line is allocated. */
  complete: boolean;
  allocations: Allocation[];
  shipments: Shipment[];
  unfulfillable: UnfulfillableLine[];
  totals: SourcingTotals;
  explanation: SourcingExplanation;
}
