import type { inventoryV1 } from '@baton/contracts';
import { validateReceiveStock } from './receive-stock-input';

function request(overrides: Partial<inventoryV1.ReceiveStockRequest> = {}): inventoryV1.ReceiveStockRequest {
  return {
    sku: 'SKU-1',
    locationId: '6f1c1f52-8b36-4c61-9d55-3c8f0a4f9a01',
    quantity: 10,
    reference: 'po-1',
    reason: '',
    ...overrides,
  };
}

describe(validateReceiveStock.name, () => {
  it('accepts a well-formed receipt', () => {
    expect(validateReceiveStock(request())).toEqual([]);
  });

  it('requires a reference, a positive quantity and a location id', () => {
    const violations = validateReceiveStock(request({ reference: '', quantity: 0, locationId: 'WH-1' }));
    expect(violations.map((v) => v.field)).toEqual(['locationId', 'quantity', 'reference']);
  });
});
