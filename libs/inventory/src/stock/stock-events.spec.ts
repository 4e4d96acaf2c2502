import { sumDeltas } from './position-deltas';
import { stockChangedData, stockLowData } from './stock-events';

const delta = (onHandDelta: number, reservedDelta: number, type: 'receipt' | 'reservation' | 'write_off' = 'receipt') =>
  sumDeltas([{ sku: 'S', locationId: 'L', type, onHandDelta, reservedDelta, reference: 'ref', reason: null }])[0];

describe(stockChangedData.name, () => {
  it('carries the position after and the change of available-to-promise', () => {
    const data = stockChangedData(delta(5, 0), { sku: 'S', locationId: 'L', onHand: 12, reserved: 3, safetyStock: 2, lowStockThreshold: null });
    expect(data).toMatchObject({ movementType: 'receipt', quantity: 5, onHand: 12, available: 7, availableDelta: 5, reference: 'ref' });
  });

  it('counts an ATP change of zero when safety stock absorbs it', () => {
    const data = stockChangedData(delta(-1, 0, 'write_off'), { sku: 'S', locationId: 'L', onHand: 3, reserved: 2, safetyStock: 4, lowStockThreshold: null });
    expect(data).toMatchObject({ available: 0, availableDelta: 0 });
  });

  it('says nothing when on hand did not change', () => {
    expect(stockChangedData(delta(0, 2, 'reservation'), { sku: 'S', locationId: 'L', onHand: 5, reserved: 2, safetyStock: 0, lowStockThreshold: 3 })).toBeNull();
  });
});

describe(stockLowData.name, () => {
  const after = (onHand: number, reserved: number) => ({ sku: 'S', locationId: 'L', onHand, reserved, safetyStock: 0, lowStockThreshold: 3 });

  it('fires once, on the fall through the threshold', () => {
    expect(stockLowData(delta(0, 2, 'reservation'), after(10, 7))).toMatchObject({ available: 3, threshold: 3 });
    expect(stockLowData(delta(0, 1, 'reservation'), after(10, 8))).toBeNull();
    expect(stockLowData(delta(0, 1, 'reservation'), after(10, 5))).toBeNull();
  });

  it('is silent without a threshold', () => {
    expect(stockLowData(delta(0, 9, 'reservation'), { ...after(10, 9), lowStockThreshold: null })).toBeNull();
  });
});
