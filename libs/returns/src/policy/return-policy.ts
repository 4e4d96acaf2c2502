import type { returnsV1 } from '@baton/contracts';
import { ValidationError, type FieldViolation } from '@baton/domain';
import {
  DISPOSITIONS,
  DISPOSITIONS_ALLOWING_TARGET,
  DISPOSITIONS_WITH_TARGET,
  NON_STOCK_GRADES,
  RETURN_GRADES,
  SHIPPING_REFUND_RULES,
  isOneOf,
  type Disposition,
  type ReturnGrade,
  type ShippingRefundRule,
} from '../return/return-vocabulary';
import { skuPatternProblem } from './sku-pattern';

export interface ReturnReason {
  code: string;
  label: string;
  /** The merchant is at fault: no restocking fee, final-sale items may come back. */
  merchantFault: boolean;
}

export interface DispositionRule {
  grade: ReturnGrade;
  /** A SKU, a prefix ending in `*`, or empty for every item. */
  skuPattern: string;
  disposition: Disposition;
  targetLocationId: string | null;
}

/** A tenant's return policy: the data every returns decision reads. */
export interface ReturnPolicy {
  returnWindowDays: number;
  reasons: ReturnReason[];
  nonReturnableSkus: string[];
  finalSaleSkus: string[];
  restockingFeeBps: number;
  shippingRefund: ShippingRefundRule;
  defaultMailLocationId: string | null;
  dispositionRules: DispositionRule[];
  refundableGrades: ReturnGrade[];
  /** 0 for the built-in defaults; increases with every change. */
  version: number;
  updatedAt: Date | null;
}

/** Grades a tenant may choose to refund: units that came back as the goods sold. */
export const REFUNDABLE_GRADE_CHOICES: readonly ReturnGrade[] = ['resellable', 'damaged', 'defective'];

/**
 * The policy of a tenant that has not set one: 30 days, a common reasons list, no restocking fee,
 * shipping refunded when the merchant is at fault, and every returned unit refunded.
 */
export function defaultReturnPolicy(): ReturnPolicy {
  return {
    returnWindowDays: 30,
    reasons: [
      { code: 'changed_mind', label: 'Changed my mind', merchantFault: false },
      { code: 'wrong_size', label: 'Wrong size or fit', merchantFault: false },
      { code: 'not_as_described', label: 'Not as described', merchantFault: true },
      { code: 'defective', label: 'Defective or broken', merchantFault: true },
      { code: 'wrong_item_sent', label: 'Wrong item sent', merchantFault: true },
      { code: 'damaged_in_transit', label: 'Damaged in transit', merchantFault: true },
      { code: 'other', label: 'Other', merchantFault: false },
    ],
    nonReturnableSkus: [],
    finalSaleSkus: [],
    restockingFeeBps: 0,
    shippingRefund: 'merchant_fault',
    defaultMailLocationId: null,
    dispositionRules: [],
    refundableGrades: [...REFUNDABLE_GRADE_CHOICES],
    version: 0,
    updatedAt: null,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const REASON_CODE = /^[a-z][a-z0-9_]{0,39}$/;
const MAX_PATTERNS = 1000;
const MAX_RULES = 200;
const MAX_REASONS = 50;

/** Every location id a policy names, with the field that names it (checked against inventory). */
export function policyLocationFields(policy: ReturnPolicy): Array<{ field: string; locationId: string }> {
  const fields: Array<{ field: string; locationId: string }> = [];
  if (policy.defaultMailLocationId) fields.push({ field: 'defaultMailLocationId', locationId: policy.defaultMailLocationId });
  policy.dispositionRules.forEach((rule, index) => {
    if (rule.targetLocationId) fields.push({ field: `dispositionRules[${index}].targetLocationId`, locationId: rule.targetLocationId });
  });
  return fields;
}

function patterns(violations: FieldViolation[], field: string, values: string[]): string[] {
  if (values.length > MAX_PATTERNS) violations.push({ field, message: `must have at most ${MAX_PATTERNS} entries` });
  values.forEach((value, index) => {
    const problem = skuPatternProblem(value);
    if (problem) violations.push({ field: `${field}[${index}]`, message: problem });
  });
  return [...new Set(values)];
}

function rule(violations: FieldViolation[], input: returnsV1.DispositionRule, index: number): DispositionRule {
  const field = `dispositionRules[${index}]`;
  const grade = input.grade.trim();
  const disposition = input.disposition.trim();
  const skuPattern = input.skuPattern.trim();
  const target = input.targetLocationId.trim();
  if (!isOneOf(RETURN_GRADES, grade)) violations.push({ field: `${field}.grade`, message: `must be one of: ${RETURN_GRADES.join(', ')}` });
  if (!isOneOf(DISPOSITIONS, disposition)) {
    violations.push({ field: `${field}.disposition`, message: `must be one of: ${DISPOSITIONS.join(', ')}` });
  } else if (isOneOf(NON_STOCK_GRADES, grade) && disposition !== 'none') {
    violations.push({ field: `${field}.disposition`, message: `must be none for ${grade} units (they are not the goods sold)` });
  }
  if (skuPattern !== '') {
    const problem = skuPatternProblem(skuPattern);
    if (problem) violations.push({ field: `${field}.skuPattern`, message: problem });
  }
  if (isOneOf(DISPOSITIONS_WITH_TARGET, disposition) && target === '') {
    violations.push({ field: `${field}.targetLocationId`, message: `is required for ${disposition}` });
  }
  if (target !== '' && !UUID.test(target)) violations.push({ field: `${field}.targetLocationId`, message: 'must be a location id (UUID)' });
  if (target !== '' && isOneOf(DISPOSITIONS, disposition) && !isOneOf(DISPOSITIONS_ALLOWING_TARGET, disposition)) {
    violations.push({ field: `${field}.targetLocationId`, message: `must be empty for ${disposition}` });
  }
  return { grade: grade as ReturnGrade, skuPattern, disposition: disposition as Disposition, targetLocationId: target || null };
}

/**
 * Checks a SetReturnPolicy request completely and names every bad field, so a policy is stored
 * whole or not at all. Duplicated patterns are folded; reason codes must be unique.
 */
export function validateReturnPolicy(input: returnsV1.ReturnPolicy | undefined): Omit<ReturnPolicy, 'version' | 'updatedAt'> {
  const violations: FieldViolation[] = [];
  if (!input) throw new ValidationError([{ field: 'policy', message: 'is required' }]);
  const window = input.returnWindowDays;
  if (!Number.isInteger(window) || window < 0 || window > 3650) {
    violations.push({ field: 'returnWindowDays', message: 'must be an integer from 0 to 3650' });
  }
  if (input.reasons.length === 0) violations.push({ field: 'reasons', message: 'must contain at least one reason' });
  if (input.reasons.length > MAX_REASONS) violations.push({ field: 'reasons', message: `must contain at most ${MAX_REASONS} reasons` });
  const seen = new Set<string>();
  const reasons = input.reasons.map((reason, index) => {
    const code = reason.code.trim();
    const label = reason.label.trim();
    if (!REASON_CODE.test(code)) {
      violations.push({ field: `reasons[${index}].code`, message: 'must be a lowercase code such as changed_mind' });
    } else if (seen.has(code)) {
      violations.push({ field: `reasons[${index}].code`, message: `duplicates reason ${code}` });
    }
    seen.add(code);
    if (label === '' || label.length > 100) violations.push({ field: `reasons[${index}].label`, message: 'must be 1 to 100 characters' });
    return { code, label, merchantFault: reason.merchantFault };
  });
  const nonReturnableSkus = patterns(violations, 'nonReturnableSkus', input.nonReturnableSkus.map((s) => s.trim()));
  const finalSaleSkus = patterns(violations, 'finalSaleSkus', input.finalSaleSkus.map((s) => s.trim()));
  const fee = input.restockingFeeBps;
  if (!Number.isInteger(fee) || fee < 0 || fee > 10_000) {
    violations.push({ field: 'restockingFeeBps', message: 'must be an integer from 0 to 10000 (basis points)' });
  }
  const shippingRefund = input.shippingRefund.trim() || 'merchant_fault';
  if (!isOneOf(SHIPPING_REFUND_RULES, shippingRefund)) {
    violations.push({ field: 'shippingRefund', message: `must be one of: ${SHIPPING_REFUND_RULES.join(', ')}` });
  }
  const defaultMailLocationId = input.defaultMailLocationId.trim();
  if (defaultMailLocationId !== '' && !UUID.test(defaultMailLocationId)) {
    violations.push({ field: 'defaultMailLocationId', message: 'must be a location id (UUID)' });
  }
  if (input.dispositionRules.length > MAX_RULES) {
    violations.push({ field: 'dispositionRules', message: `must contain at most ${MAX_RULES} rules` });
  }
  const dispositionRules = input.dispositionRules.map((r, index) => rule(violations, r, index));
  const refundableGrades = input.refundableGrades.length === 0 ? [...REFUNDABLE_GRADE_CHOICES] : [...new Set(input.refundableGrades.map((g) => g.trim()))];
  refundableGrades.forEach((grade, index) => {
    if (!isOneOf(REFUNDABLE_GRADE_CHOICES, grade)) {
      violations.push({ field: `refundableGrades[${index}]`, message: `must be one of: ${REFUNDABLE_GRADE_CHOICES.join(', ')}` });
    }
  });
  if (violations.length > 0) throw new ValidationError(violations, 'The return policy is invalid');
  return {
    returnWindowDays: window,
    reasons,
    nonReturnableSkus,
    finalSaleSkus,
    restockingFeeBps: fee,
    shippingRefund: shippingRefund as ShippingRefundRule,
    defaultMailLocationId: defaultMailLocationId || null,
    dispositionRules,
    refundableGrades: refundableGrades as ReturnGrade[],
  };
}

/** The contract view of a policy. */
export function toPolicyContract(policy: ReturnPolicy): returnsV1.ReturnPolicy {
  return {
    returnWindowDays: policy.returnWindowDays,
    reasons: policy.reasons.map((r) => ({ ...r })),
    nonReturnableSkus: [...policy.nonReturnableSkus],
    finalSaleSkus: [...policy.finalSaleSkus],
    restockingFeeBps: policy.restockingFeeBps,
    shippingRefund: policy.shippingRefund,
    defaultMailLocationId: policy.defaultMailLocationId ?? '',
    dispositionRules: policy.dispositionRules.map((r) => ({
      grade: r.grade,
      skuPattern: r.skuPattern,
      disposition: r.disposition,
      targetLocationId: r.targetLocationId ?? '',
    })),
    refundableGrades: [...policy.refundableGrades],
    version: policy.version,
    updatedAt: policy.updatedAt?.toISOString() ?? '',
  };
}
