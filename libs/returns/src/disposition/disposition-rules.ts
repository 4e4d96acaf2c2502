import type { FieldViolation } from '@baton/domain';
import type { DispositionRule } from '../policy/return-policy';
import { matchesSkuPattern } from '../policy/sku-pattern';
import {
  DISPOSITIONS,
  DISPOSITIONS_ALLOWING_TARGET,
  DISPOSITIONS_WITH_TARGET,
  NON_STOCK_GRADES,
  isOneOf,
  type Disposition,
  type ReturnGrade,
} from '../return/return-vocabulary';

/** Where a graded unit goes when the tenant has no rule for it. */
export const BUILT_IN_DISPOSITIONS: Readonly<Record<ReturnGrade, Disposition>> = {
  resellable: 'restock',
  damaged: 'write_off',
  defective: 'write_off',
  wrong_item: 'none',
  missing: 'none',
};

export interface DispositionDecision {
  disposition: Disposition;
  targetLocationId: string | null;
}

export interface GradedUnit {
  id: string;
  sku: string;
  grade: ReturnGrade;
  unexpected: boolean;
}

/**
 * The default disposition of a unit: missing and wrong items change no stock, and unexpected items
 * wait for a person's decision (`none`) rather than entering stock under a SKU nobody sold; every
 * other unit takes the first tenant rule matching its grade and SKU, else the built-in default for
 * its grade (resellable → restock, damaged/defective → write off).
 */
export function defaultDisposition(unit: GradedUnit, rules: readonly DispositionRule[]): DispositionDecision {
  if (isOneOf(NON_STOCK_GRADES, unit.grade) || unit.unexpected) return { disposition: 'none', targetLocationId: null };
  const rule = rules.find((r) => r.grade === unit.grade && matchesSkuPattern(unit.sku, r.skuPattern));
  if (rule) return { disposition: rule.disposition, targetLocationId: rule.targetLocationId };
  return { disposition: BUILT_IN_DISPOSITIONS[unit.grade], targetLocationId: null };
}

export interface RequestedDisposition {
  unitId: string;
  disposition: string;
  targetLocationId: string;
}

/**
 * Every unit's disposition: the one asked for, else the default. Problems are returned as field
 * violations naming `units[i]` (unknown unit, unknown disposition, stock dispositions for units
 * that are not the goods sold, a missing or superfluous target), so nothing is applied unless all
 * units are fine.
 */
export function resolveDispositions(
  units: readonly GradedUnit[],
  requested: readonly RequestedDisposition[],
  rules: readonly DispositionRule[],
): { decisions: Map<string, DispositionDecision>; violations: FieldViolation[] } {
  const violations: FieldViolation[] = [];
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const explicit = new Map<string, DispositionDecision>();
  requested.forEach((req, index) => {
    const field = `units[${index}]`;
    const unit = byId.get(req.unitId);
    if (!unit) {
      violations.push({ field: `${field}.unitId`, message: 'is not a unit of this return' });
      return;
    }
    if (explicit.has(req.unitId)) {
      violations.push({ field: `${field}.unitId`, message: 'names the same unit twice' });
      return;
    }
    const wanted = req.disposition.trim();
    const target = req.targetLocationId.trim();
    if (wanted === '') {
      if (target !== '') violations.push({ field: `${field}.targetLocationId`, message: 'needs a disposition' });
      return;
    }
    if (!isOneOf(DISPOSITIONS, wanted)) {
      violations.push({ field: `${field}.disposition`, message: `must be one of: ${DISPOSITIONS.join(', ')}` });
      return;
    }
    if (isOneOf(NON_STOCK_GRADES, unit.grade) && wanted !== 'none') {
      violations.push({ field: `${field}.disposition`, message: `must be none for a ${unit.grade} unit` });
      return;
    }
    if (isOneOf(DISPOSITIONS_WITH_TARGET, wanted) && target === '') {
      violations.push({ field: `${field}.targetLocationId`, message: `is required for ${wanted}` });
      return;
    }
    if (target !== '' && !isOneOf(DISPOSITIONS_ALLOWING_TARGET, wanted)) {
      violations.push({ field: `${field}.targetLocationId`, message: `must be empty for ${wanted}` });
      return;
    }
    explicit.set(req.unitId, { disposition: wanted, targetLocationId: target || null });
  });
  const decisions = new Map<string, DispositionDecision>();
  for (const unit of units) decisions.set(unit.id, explicit.get(unit.id) ?? defaultDisposition(unit, rules));
  return { decisions, violations };
}
