import type { inventoryV1 } from '@baton/contracts';
import type { FieldViolation } from '@baton/domain';
import {
  requireIdentifier,
  requireNonNegativeInteger,
  requirePositiveInteger,
  requireText,
  requireUuid,
} from '../input-rules';

const MAX_QUANTITY = 1_000_000_000;

function position(request: { sku: string; locationId: string }): FieldViolation[] {
  return [...requireIdentifier('sku', request.sku), ...requireUuid('locationId', request.locationId)];
}

function optionalReason(reason: string): FieldViolation[] {
  return reason.length > 500 ? [{ field: 'reason', message: 'must be at most 500 characters' }] : [];
}

function bounded(field: string, value: number): FieldViolation[] {
  return Math.abs(value) > MAX_QUANTITY ? [{ field, message: `must be at most ${MAX_QUANTITY} in size` }] : [];
}

/** Every problem with an AdjustStock request: a non-zero whole delta, a reason (why) and a reference. */
export function validateAdjustStock(request: inventoryV1.AdjustStockRequest): FieldViolation[] {
  const violations = [...position(request)];
  if (!Number.isSafeInteger(request.quantityDelta) || request.quantityDelta === 0) {
    violations.push({ field: 'quantityDelta', message: 'must be a non-zero whole number' });
  } else {
    violations.push(...bounded('quantityDelta', request.quantityDelta));
  }
  violations.push(...requireText('reason', request.reason, 500), ...requireText('reference', request.reference));
  return violations;
}

/** Every problem with a CountStock request; the reference makes the count idempotent. */
export function validateCountStock(request: inventoryV1.CountStockRequest): FieldViolation[] {
  return [
    ...position(request),
    ...requireNonNegativeInteger('counted', request.counted),
    ...bounded('counted', request.counted),
    ...requireText('reference', request.reference),
    ...optionalReason(request.reason),
  ];
}

/** Every problem with a WriteOffStock request; a write-off always says why. */
export function validateWriteOff(request: inventoryV1.WriteOffStockRequest): FieldViolation[] {
  return [
    ...position(request),
    ...requirePositiveInteger('quantity', request.quantity),
    ...bounded('quantity', request.quantity),
    ...requireText('reason', request.reason, 500),
    ...requireText('reference', request.reference),
  ];
}

/** Every problem with a RestockReturn request; the reference is the return it came back with. */
export function validateRestockReturn(request: inventoryV1.RestockReturnRequest): FieldViolation[] {
  return [
    ...position(request),
    ...requirePositiveInteger('quantity', request.quantity),
    ...bounded('quantity', request.quantity),
    ...requireText('reference', request.reference),
    ...optionalReason(request.reason),
  ];
}

/** Every problem with a SetSafetyStock request. */
export function validateSetSafetyStock(request: inventoryV1.SetSafetyStockRequest): FieldViolation[] {
  const violations = position(request);
  if (request.quantity !== undefined) {
    violations.push(...requireNonNegativeInteger('quantity', request.quantity), ...bounded('quantity', request.quantity));
  }
  return violations;
}
