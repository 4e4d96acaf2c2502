import type { FieldViolation } from '@baton/domain';
import { CARRIER_STRATEGIES, type CarrierStrategy } from '../carriers/carrier-selection';

export const LATE_ACTIONS = ['flag', 'reject'] as const;
export type LateAction = (typeof LATE_ACTIONS)[number];
export const PICKUP_EXPIRY_ACTIONS = ['cancel', 'reoffer'] as const;
export type PickupExpiryAction = (typeof PICKUP_EXPIRY_ACTIONS)[number];

/** A tenant's pick/pack timer and pickup rules. */
export interface FulfillmentPolicy {
  startWithinMinutes: number;
  onLate: LateAction;
  pickupExpiryHours: number;
  onPickupExpiry: PickupExpiryAction;
  pickupPrepMinutes: number;
  defaultCarrierStrategy: CarrierStrategy;
}

/** What a tenant that never set a policy gets. */
export const DEFAULT_FULFILLMENT_POLICY: Readonly<FulfillmentPolicy> = {
  startWithinMinutes: 120,
  onLate: 'flag',
  pickupExpiryHours: 72,
  onPickupExpiry: 'cancel',
  pickupPrepMinutes: 120,
  defaultCarrierStrategy: 'cheapest',
};

/** Strategy names orders uses for the same thing. */
const STRATEGY_ALIASES: Readonly<Record<string, CarrierStrategy>> = { best_coverage: 'best_insurance' };

/** A carrier strategy by its name or an alias; undefined for anything else (e.g. orders' `weighted`). */
export function carrierStrategyOf(value: string | null | undefined): CarrierStrategy | undefined {
  if (!value) return undefined;
  if ((CARRIER_STRATEGIES as readonly string[]).includes(value)) return value as CarrierStrategy;
  return STRATEGY_ALIASES[value];
}

function intIn(field: string, value: number, min: number, max: number, violations: FieldViolation[]): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    violations.push({ field, message: `${field} must be an integer from ${min} to ${max}` });
  }
}

/** Every problem of a policy sent by a client, by field. */
export function policyViolations(policy: { [K in keyof FulfillmentPolicy]?: unknown }): FieldViolation[] {
  const violations: FieldViolation[] = [];
  intIn('startWithinMinutes', Number(policy.startWithinMinutes), 1, 10_080, violations);
  intIn('pickupExpiryHours', Number(policy.pickupExpiryHours), 1, 720, violations);
  intIn('pickupPrepMinutes', Number(policy.pickupPrepMinutes), 0, 10_080, violations);
  if (!(LATE_ACTIONS as readonly unknown[]).includes(policy.onLate)) {
    violations.push({ field: 'onLate', message: `onLate must be one of ${LATE_ACTIONS.join(', ')}` });
  }
  if (!(PICKUP_EXPIRY_ACTIONS as readonly unknown[]).includes(policy.onPickupExpiry)) {
    violations.push({ field: 'onPickupExpiry', message: `onPickupExpiry must be one of ${PICKUP_EXPIRY_ACTIONS.join(', ')}` });
  }
  if (!carrierStrategyOf(String(policy.defaultCarrierStrategy ?? ''))) {
    violations.push({
      field: 'defaultCarrierStrategy',
      message: `defaultCarrierStrategy must be one of ${CARRIER_STRATEGIES.join(', ')}`,
    });
  }
  return violations;
}
