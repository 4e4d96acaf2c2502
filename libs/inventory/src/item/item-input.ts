import type { inventoryV1 } from '@baton/contracts';
import type { FieldViolation } from '@baton/domain';
import { requireIdentifier, requireNonNegativeInteger, requireText } from '../input-rules';

/** Every problem with a CreateItem request. The product group may be empty (not yet classified). */
export function validateCreateItem(request: inventoryV1.CreateItemRequest): FieldViolation[] {
  const violations = [
    ...requireIdentifier('sku', request.sku),
    ...requireText('name', request.name),
    ...requireNonNegativeInteger('unitValueMinor', request.unitValueMinor),
  ];
  if (request.productGroup.length > 100) {
    violations.push({ field: 'productGroup', message: 'must be at most 100 characters' });
  }
  return violations;
}
