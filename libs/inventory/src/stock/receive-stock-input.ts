import type { inventoryV1 } from '@baton/contracts';
import type { FieldViolation } from '@baton/domain';
import { requireIdentifier, requirePositiveInteger, requireText, requireUuid } from '../input-rules';

/** Every problem with a ReceiveStock request. The reference is mandatory: it makes the receipt idempotent. */
export function validateReceiveStock(request: inventoryV1.ReceiveStockRequest): FieldViolation[] {
  const violations = [
    ...requireIdentifier('sku', request.sku),
    ...requireUuid('locationId', request.locationId),
    ...requirePositiveInteger('quantity', request.quantity),
    ...requireText('reference', request.reference),
  ];
  if (request.reason.length > 500) violations.push({ field: 'reason', message: 'must be at most 500 characters' });
  return violations;
}
