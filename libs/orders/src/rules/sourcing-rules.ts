import type { DeliveryMethod } from '../sourcing/delivery-methods';
import { DEFAULT_WEIGHTS } from '../sourcing/source-order';
import type { CarrierService, MethodRule, SourcingStrategy, SourcingWeights } from '../sourcing/sourcing-model';
import { DEFAULT_CARRIER_SERVICES } from './default-carrier-services';

export const NOTHING_LEFT_POLICIES = ['backorder', 'cancel'] as const;
export type NothingLeftPolicy = (typeof NOTHING_LEFT_POLICIES)[number];

/** When an order is held at capture for a person to look at. */
export interface HoldRules {
  /** Orders whose total exceeds this are held; absent = no limit. */
  valueLimitMinor?: number;
  /** Orders whose fraud score is at or above this are held; absent = never. */
  fraudScoreThreshold?: number;
  /** Orders whose billing country differs from the delivery country are held. */
  holdOnAddressMismatch: boolean;
}

/**
 * A tenant's sourcing rules, kept as data and versioned: which strategy, which locations may
 * serve which delivery method, how far an order may be split, whether lines may be backordered,
 * when orders are held, and the carrier planning table the engine prices shipments with.
 */
export interface SourcingRules {
  defaultStrategy: SourcingStrategy;
  weights: SourcingWeights;
  /** Overrides of the built-in rule per delivery method. */
  methods: Partial<Record<DeliveryMethod, MethodRule>>;
  maxSplits: number;
  keepLinesWhole: boolean;
  allowBackorder: boolean;
  whenNothingLeft: NothingLeftPolicy;
  excludedLocationIds: string[];
  holds: HoldRules;
  carrierServices: CarrierService[];
  backorderHorizonDays: number;
}

/** The rules of a tenant that has not configured its own (version 0). */
export const DEFAULT_SOURCING_RULES: Readonly<SourcingRules> = {
  defaultStrategy: 'cheapest',
  weights: { ...DEFAULT_WEIGHTS },
  methods: {},
  maxSplits: 2,
  keepLinesWhole: true,
  allowBackorder: false,
  whenNothingLeft: 'cancel',
  excludedLocationIds: [],
  holds: { holdOnAddressMismatch: false },
  carrierServices: DEFAULT_CARRIER_SERVICES,
  backorderHorizonDays: 30,
};

/** A version of a tenant's rules as the service hands it around. */
export interface RuleSetView {
  version: number;
  status: 'default' | 'draft' | 'active' | 'retired';
  rules: SourcingRules;
  note: string;
  createdBy: string | null;
  createdAt: Date | null;
  activatedBy: string | null;
  activatedAt: Date | null;
}
