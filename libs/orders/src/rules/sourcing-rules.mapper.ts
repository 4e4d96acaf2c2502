import type { ordersV1 } from '@baton/contracts';
import { ValidationError, type FieldViolation } from '@baton/domain';
import { DELIVERY_METHODS, isDeliveryMethod, type DeliveryMethod } from '../sourcing/delivery-methods';
import { SOURCING_STRATEGIES, type CarrierService, type MethodRule, type SourcingStrategy } from '../sourcing/sourcing-model';
import { NOTHING_LEFT_POLICIES, type NothingLeftPolicy, type RuleSetView, type SourcingRules } from './sourcing-rules';

export const LOCATION_CAPABILITIES = ['ship', 'pickup', 'receive_transfers', 'accept_returns', 'same_day'] as const;
const IDENTIFIER = /^[a-z][a-z0-9_]{0,39}$/;
const SERVICE_ID = /^[a-z0-9][a-z0-9-]{0,39}:[a-z0-9][a-z0-9-]{0,39}$/;
const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

class Checks {
  readonly violations: FieldViolation[] = [];

  add(field: string, message: string): void {
    this.violations.push({ field, message });
  }

  integer(field: string, value: number, min: number, max: number): number {
    if (!Number.isSafeInteger(value) || value < min || value > max) this.add(field, `must be an integer from ${min} to ${max}`);
    return value;
  }

  amount(field: string, value: number, min: number, max: number): number {
    if (!Number.isFinite(value) || value < min || value > max) this.add(field, `must be a number from ${min} to ${max}`);
    return value;
  }
}

function carrierFromContract(c: Checks, field: string, s: ordersV1.CarrierServicePlan): CarrierService {
  if (!SERVICE_ID.test(s.id ?? '')) c.add(`${field}.id`, 'must be carrier:service in lowercase, e.g. baton-parcel:standard');
  if (!/^[A-Z]{3}$/.test(s.currency ?? '')) c.add(`${field}.currency`, 'must be an ISO 4217 code such as EUR');
  if ((s.zones ?? []).length === 0) c.add(`${field}.zones`, 'must contain at least one zone');
  const codes = new Set<string>();
  (s.zones ?? []).forEach((zone, i) => {
    if (!zone.code) c.add(`${field}.zones[${i}].code`, 'is required');
    if (codes.has(zone.code)) c.add(`${field}.zones[${i}].code`, `duplicates zone ${zone.code}`);
    codes.add(zone.code);
    if ((zone.countries ?? []).length === 0 && zone.maxDistanceKm === undefined) {
      c.add(`${field}.zones[${i}]`, 'needs countries or maxDistanceKm');
    }
    if (zone.maxDistanceKm !== undefined) c.amount(`${field}.zones[${i}].maxDistanceKm`, zone.maxDistanceKm, 0, 40_000);
    (zone.countries ?? []).forEach((country, j) => {
      if (!/^[A-Z]{2}$/.test(country)) c.add(`${field}.zones[${i}].countries[${j}]`, 'must be ISO 3166-1 alpha-2');
    });
  });
  if ((s.rates ?? []).length === 0) c.add(`${field}.rates`, 'must contain at least one rate');
  (s.rates ?? []).forEach((rate, i) => {
    if (!codes.has(rate.zone)) c.add(`${field}.rates[${i}].zone`, `is not one of its zones`);
    c.integer(`${field}.rates[${i}].maxWeightGrams`, rate.maxWeightGrams, 1, 10_000_000);
    c.integer(`${field}.rates[${i}].priceMinor`, rate.priceMinor, 0, 100_000_000);
  });
  c.integer(`${field}.transitDays`, s.transitDays, 0, 60);
  for (const [zone, days] of Object.entries(s.transitDaysByZone ?? {})) {
    if (!codes.has(zone)) c.add(`${field}.transitDaysByZone.${zone}`, 'is not one of its zones');
    c.integer(`${field}.transitDaysByZone.${zone}`, days, 0, 60);
  }
  const cutoff = HHMM.exec(s.cutoff ?? '');
  if (!cutoff) c.add(`${field}.cutoff`, 'must be HH:MM (UTC)');
  c.integer(`${field}.insuredValueLimitMinor`, s.insuredValueLimitMinor, 0, Number.MAX_SAFE_INTEGER);
  return {
    id: s.id,
    carrier: s.carrier || (s.id ?? '').split(':')[0],
    name: s.name || s.id,
    currency: s.currency,
    zones: (s.zones ?? []).map((zone) => ({
      code: zone.code,
      ...((zone.countries ?? []).length > 0 ? { countries: zone.countries } : {}),
      ...(zone.maxDistanceKm !== undefined ? { maxDistanceKm: zone.maxDistanceKm } : {}),
    })),
    transitDays: s.transitDays,
    ...(Object.keys(s.transitDaysByZone ?? {}).length > 0 ? { transitDaysByZone: { ...s.transitDaysByZone } } : {}),
    rates: (s.rates ?? []).map((rate) => ({ zone: rate.zone, maxWeightGrams: rate.maxWeightGrams, priceMinor: rate.priceMinor })),
    cutoffMinuteOfDay: cutoff ? Number(cutoff[1]) * 60 + Number(cutoff[2]) : 0,
    sameDay: s.sameDay,
    timeWindow: s.timeWindow,
    insuredValueLimitMinor: s.insuredValueLimitMinor,
  };
}

function methodsFromContract(c: Checks, methods: ordersV1.MethodRule[]): Partial<Record<DeliveryMethod, MethodRule>> {
  const result: Partial<Record<DeliveryMethod, MethodRule>> = {};
  methods.forEach((m, i) => {
    const field = `rules.methods[${i}]`;
    if (!isDeliveryMethod(m.deliveryMethod)) {
      c.add(`${field}.deliveryMethod`, `must be one of: ${DELIVERY_METHODS.join(', ')}`);
      return;
    }
    if (result[m.deliveryMethod]) c.add(`${field}.deliveryMethod`, `${m.deliveryMethod} has a rule already`);
    (m.allowedLocationTypes ?? []).forEach((type, j) => {
      if (!IDENTIFIER.test(type)) c.add(`${field}.allowedLocationTypes[${j}]`, 'must be a location type such as store');
    });
    (m.requiredCapabilities ?? []).forEach((capability, j) => {
      if (!(LOCATION_CAPABILITIES as readonly string[]).includes(capability)) {
        c.add(`${field}.requiredCapabilities[${j}]`, `must be one of: ${LOCATION_CAPABILITIES.join(', ')}`);
      }
    });
    result[m.deliveryMethod] = { allowedLocationTypes: [...(m.allowedLocationTypes ?? [])], requiredCapabilities: [...(m.requiredCapabilities ?? [])] };
  });
  return result;
}

/**
 * Reads sourcing rules from the contract, checking every field and naming each bad one
 * (`rules.carrierServices[1].cutoff`), so a draft that is stored can always be planned with.
 */
export function rulesFromContract(contract: ordersV1.SourcingRules | undefined): SourcingRules {
  const c = new Checks();
  if (!contract) throw new ValidationError([{ field: 'rules', message: 'is required' }]);
  const strategy = contract.defaultStrategy as SourcingStrategy;
  if (!SOURCING_STRATEGIES.includes(strategy)) c.add('rules.defaultStrategy', `must be one of: ${SOURCING_STRATEGIES.join(', ')}`);
  const w = contract.weights ?? { cost: 0, etaDay: 0, split: 0, uninsured: 0, distanceKm: 0 };
  for (const [name, value] of Object.entries(w)) c.amount(`rules.weights.${name}`, value, 0, 1_000_000);
  const policy = contract.whenNothingLeft as NothingLeftPolicy;
  if (!NOTHING_LEFT_POLICIES.includes(policy)) c.add('rules.whenNothingLeft', `must be one of: ${NOTHING_LEFT_POLICIES.join(', ')}`);
  const holds = contract.holds ?? { holdOnAddressMismatch: false };
  if (holds.valueLimitMinor !== undefined) c.integer('rules.holds.valueLimitMinor', holds.valueLimitMinor, 0, Number.MAX_SAFE_INTEGER);
  if (holds.fraudScoreThreshold !== undefined) c.integer('rules.holds.fraudScoreThreshold', holds.fraudScoreThreshold, 0, 100);
  const services = (contract.carrierServices ?? []).map((s, i) => carrierFromContract(c, `rules.carrierServices[${i}]`, s));
  const ids = services.map((s) => s.id);
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) c.add(`rules.carrierServices[${i}].id`, `duplicates ${id}`);
  });
  (contract.excludedLocationIds ?? []).forEach((id, i) => {
    if (!id || id.length > 64) c.add(`rules.excludedLocationIds[${i}]`, 'must be a location id');
  });
  const rules: SourcingRules = {
    defaultStrategy: strategy,
    weights: { cost: w.cost, etaDay: w.etaDay, split: w.split, uninsured: w.uninsured, distanceKm: w.distanceKm },
    methods: methodsFromContract(c, contract.methods ?? []),
    maxSplits: c.integer('rules.maxSplits', contract.maxSplits, 0, 20),
    keepLinesWhole: contract.keepLinesWhole,
    allowBackorder: contract.allowBackorder,
    whenNothingLeft: policy,
    excludedLocationIds: [...(contract.excludedLocationIds ?? [])],
    holds: {
      ...(holds.valueLimitMinor !== undefined ? { valueLimitMinor: holds.valueLimitMinor } : {}),
      ...(holds.fraudScoreThreshold !== undefined ? { fraudScoreThreshold: holds.fraudScoreThreshold } : {}),
      holdOnAddressMismatch: holds.holdOnAddressMismatch,
    },
    carrierServices: services,
    backorderHorizonDays: c.integer('rules.backorderHorizonDays', contract.backorderHorizonDays, 1, 365),
  };
  if (c.violations.length > 0) throw new ValidationError(c.violations, 'The sourcing rules are invalid');
  return rules;
}

export function rulesToContract(rules: SourcingRules): ordersV1.SourcingRules {
  return {
    defaultStrategy: rules.defaultStrategy,
    weights: { ...rules.weights },
    methods: Object.entries(rules.methods).map(([deliveryMethod, rule]) => ({
      deliveryMethod,
      allowedLocationTypes: [...(rule as MethodRule).allowedLocationTypes],
      requiredCapabilities: [...(rule as MethodRule).requiredCapabilities],
    })),
    maxSplits: rules.maxSplits,
    keepLinesWhole: rules.keepLinesWhole,
    allowBackorder: rules.allowBackorder,
    whenNothingLeft: rules.whenNothingLeft,
    excludedLocationIds: [...rules.excludedLocationIds],
    holds: { ...rules.holds },
    carrierServices: rules.carrierServices.map((s) => ({
      id: s.id,
      carrier: s.carrier,
      name: s.name,
      currency: s.currency,
      zones: s.zones.map((z) => ({ code: z.code, countries: [...(z.countries ?? [])], maxDistanceKm: z.maxDistanceKm })),
      transitDays: s.transitDays,
      transitDaysByZone: { ...(s.transitDaysByZone ?? {}) },
      rates: s.rates.map((r) => ({ ...r })),
      cutoff: hhmm(s.cutoffMinuteOfDay),
      sameDay: s.sameDay,
      timeWindow: s.timeWindow,
      insuredValueLimitMinor: s.insuredValueLimitMinor,
    })),
    backorderHorizonDays: rules.backorderHorizonDays,
  };
}

export function ruleSetToContract(view: RuleSetView): ordersV1.SourcingRuleSet {
  return {
    version: view.version,
    status: view.status,
    rules: rulesToContract(view.rules),
    note: view.note,
    createdBy: view.createdBy ?? '',
    createdAt: view.createdAt?.toISOString() ?? '',
    activatedBy: view.activatedBy ?? '',
    activatedAt: view.activatedAt?.toISOString() ?? '',
  };
}
