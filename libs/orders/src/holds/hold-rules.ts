import type { AddressData } from '@baton/domain';
import type { HoldCode } from '../order/order-hold.entity';
import type { HoldRules } from '../rules/sourcing-rules';

export interface HoldFinding {
  code: Exclude<HoldCode, 'MANUAL'>;
  reason: string;
}

/**
 * The rule-based holds an order meets at capture: a total above the tenant's limit, a fraud score
 * at or above its threshold, or a billing country other than the delivery country. Pure; every
 * rule that applies is reported, so the person who reviews it sees all of them.
 */
export function holdFindings(
  order: { totalMinor: number; currency: string; fraudScore: number | null; shipTo: AddressData | null; billingAddress: AddressData | null },
  rules: HoldRules,
): HoldFinding[] {
  const findings: HoldFinding[] = [];
  if (rules.valueLimitMinor !== undefined && order.totalMinor > rules.valueLimitMinor) {
    findings.push({ code: 'VALUE_LIMIT', reason: `total ${order.totalMinor} ${order.currency} minor units is above the limit of ${rules.valueLimitMinor}` });
  }
  if (rules.fraudScoreThreshold !== undefined && order.fraudScore !== null && order.fraudScore >= rules.fraudScoreThreshold) {
    findings.push({ code: 'FRAUD_SCORE', reason: `fraud score ${order.fraudScore} is at or above the threshold of ${rules.fraudScoreThreshold}` });
  }
  if (rules.holdOnAddressMismatch && order.shipTo && order.billingAddress && order.shipTo.country !== order.billingAddress.country) {
    findings.push({
      code: 'ADDRESS_MISMATCH',
      reason: `billing country ${order.billingAddress.country} differs from delivery country ${order.shipTo.country}`,
    });
  }
  return findings;
}
