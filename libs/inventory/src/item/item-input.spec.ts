import type { inventoryV1 } from '@baton/contracts';
import { validateCreateItem } from './item-input';

function request(overrides: Partial<inventoryV1.CreateItemRequest> = {}): inventoryV1.CreateItemRequest {
  return { sku: 'TSHIRT-BLUE-M', name: 'T-shirt', productGroup: 'apparel', unitValueMinor: 1999, ...overrides };
}

describe(validateCreateItem.name, () => {
  it('accepts a well-formed item, with or without a product group', () => {
    expect(validateCreateItem(request())).toEqual([]);
    expect(validateCreateItem(request({ productGroup: '' }))).toEqual([]);
  });

  it('names every bad field', () => {
    const violations = validateCreateItem(request({ sku: '-bad', name: '', unitValueMinor: -5 }));
    expect(violations.map((v) => v.field)).toEqual(['sku', 'name', 'unitValueMinor']);
  });
});
