import { ValidationError, type FieldViolation } from '@baton/domain';
import { ReturnsError } from '../return/returns.errors';
import type { ReturnPolicy, ReturnReason } from '../policy/return-policy';
import type { ReturnLineCommand } from './create-return.validation';
import type { LineAssessment } from './returnable-quantities';

/** A requested line once checked: its assessment and reason attached. */
export interface CheckedReturnLine extends ReturnLineCommand {
  sku: string;
  reason: ReturnReason;
}

/**
 * Decides whether the requested lines may come back, against the order's assessment and the
 * tenant's policy. Refuses, naming every offending line at once:
 * - unknown order lines and reasons → 400 with the field;
 * - lines that cannot come back at all (not shipped, non-returnable, window closed, final sale
 *   without a merchant-fault reason) → LINE_NOT_RETURNABLE;
 * - more units than are left (other returns hold them) → RETURN_QUANTITY_EXCEEDED (409).
 */
export function checkRequestedLines(
  orderId: string,
  requested: readonly ReturnLineCommand[],
  assessments: readonly LineAssessment[],
  policy: ReturnPolicy,
): CheckedReturnLine[] {
  const byLine = new Map(assessments.map((a) => [a.lineId, a]));
  const reasons = new Map(policy.reasons.map((r) => [r.code, r]));
  const violations: FieldViolation[] = [];
  requested.forEach((line, index) => {
    if (!byLine.has(line.lineId)) violations.push({ field: `lines[${index}].lineId`, message: `is not a line of order ${orderId}` });
    if (!reasons.has(line.reasonCode)) {
      violations.push({ field: `lines[${index}].reasonCode`, message: `must be one of: ${[...reasons.keys()].join(', ')}` });
    }
  });
  if (violations.length > 0) throw new ValidationError(violations, 'The return request is invalid');

  const checked = requested.map((line) => {
    const assessment = byLine.get(line.lineId) as LineAssessment;
    return { ...line, sku: assessment.sku, reason: reasons.get(line.reasonCode) as ReturnReason, assessment };
  });
  const notReturnable = checked.filter(
    ({ assessment, reason }) =>
      (assessment.refusal !== null && assessment.refusal !== 'FULLY_RETURNED' && assessment.refusal !== 'FINAL_SALE') ||
      (assessment.refusal === 'FINAL_SALE' && !reason.merchantFault),
  );
  if (notReturnable.length > 0) {
    throw new ReturnsError('LINE_NOT_RETURNABLE', 'Some lines cannot be returned', {
      orderId,
      lines: notReturnable.map(({ lineId, sku, assessment }) => ({
        lineId,
        sku,
        refusal: assessment.refusal,
        ...(assessment.refusal === 'WINDOW_CLOSED' ? { windowEndsAt: assessment.windowEndsAt.toISOString() } : {}),
      })),
    });
  }
  const exceeded = checked.filter(({ quantity, assessment }) => quantity > assessment.returnableQuantity);
  if (exceeded.length > 0) {
    throw new ReturnsError('RETURN_QUANTITY_EXCEEDED', 'More units than are left to return', {
      orderId,
      lines: exceeded.map(({ lineId, sku, quantity, assessment }) => ({
        lineId,
        sku,
        requested: quantity,
        returnable: assessment.returnableQuantity,
        alreadyReturned: assessment.returnedQuantity,
      })),
    });
  }
  return checked.map(({ assessment: _assessment, ...line }) => line);
}
