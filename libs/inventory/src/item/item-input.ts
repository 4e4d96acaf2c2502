import type { inventoryV1 } from '@baton/contracts';
import type { FieldViolation } from '@baton/domain';
import { requireIdentifier, requireNonNegativeInteger, requirePositiveInteger, requireText } from '../input-rules';
import { LOCATION_TYPES } from '../location/location-kinds';

const LOCATION_TYPE_SET: ReadonlySet<string> = new Set(LOCATION_TYPES);
const MAX_QUANTITY = 1_000_000_000;
const MAX_WEIGHT_GRAMS = 100_000_000;
const MAX_MM = 100_000;

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
  violations.push(...validateAttributes(request));
  return violations;
}

/** Every problem with an UpdateItem request; only the fields that are set are checked. */
export function validateUpdateItem(request: inventoryV1.UpdateItemRequest): FieldViolation[] {
  const violations = requireIdentifier('sku', request.sku);
  if (request.name !== undefined) violations.push(...requireText('name', request.name));
  if (request.productGroup !== undefined && request.productGroup.length > 100) {
    violations.push({ field: 'productGroup', message: 'must be at most 100 characters' });
  }
  if (request.unitValueMinor !== undefined) violations.push(...requireNonNegativeInteger('unitValueMinor', request.unitValueMinor));
  if (request.lowStockThreshold !== undefined && request.clearLowStockThreshold) {
    violations.push({ field: 'lowStockThreshold', message: 'cannot be set and cleared in one request' });
  }
  violations.push(...validateAttributes(request));
  return violations;
}

type Attributes = Pick<
  inventoryV1.CreateItemRequest,
  'weightGrams' | 'dimensions' | 'safetyStock' | 'safetyStockByLocationType' | 'lowStockThreshold'
>;

function validateAttributes(request: Attributes): FieldViolation[] {
  const violations: FieldViolation[] = [];
  if (request.weightGrams !== undefined) {
    violations.push(...requireNonNegativeInteger('weightGrams', request.weightGrams));
    if (request.weightGrams > MAX_WEIGHT_GRAMS) violations.push({ field: 'weightGrams', message: `must be at most ${MAX_WEIGHT_GRAMS}` });
  }
  if (request.dimensions) {
    for (const side of ['lengthMm', 'widthMm', 'heightMm'] as const) {
      const value = request.dimensions[side];
      violations.push(...requirePositiveInteger(`dimensions.${side}`, value));
      if (value > MAX_MM) violations.push({ field: `dimensions.${side}`, message: `must be at most ${MAX_MM}` });
    }
  }
  if (request.safetyStock !== undefined) violations.push(...quantity('safetyStock', request.safetyStock));
  if (request.lowStockThreshold !== undefined) violations.push(...quantity('lowStockThreshold', request.lowStockThreshold));
  const rules = request.safetyStockByLocationType?.rules ?? [];
  rules.forEach((rule, index) => {
    const at = `safetyStockByLocationType[${index}]`;
    if (!LOCATION_TYPE_SET.has(rule.locationType)) {
      violations.push({ field: `${at}.locationType`, message: `must be one of ${LOCATION_TYPES.join(', ')}` });
    } else if (rules.findIndex((other) => other.locationType === rule.locationType) !== index) {
      violations.push({ field: `${at}.locationType`, message: 'is listed twice' });
    }
    violations.push(...quantity(`${at}.quantity`, rule.quantity));
  });
  return violations;
}

function quantity(field: string, value: number): FieldViolation[] {
  return [
    ...requireNonNegativeInteger(field, value),
    ...(value > MAX_QUANTITY ? [{ field, message: `must be at most ${MAX_QUANTITY}` }] : []),
  ];
}
