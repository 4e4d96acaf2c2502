import type { inventoryV1 } from '@baton/contracts';

export interface PositionQuantities {
  onHand: number;
  reserved: number;
  safetyStock: number;
}

/**
 * Available-to-promise now: on hand − reserved − safety stock, never below zero (safety stock may
 * exceed what is free; that is "nothing to promise", not a debt). The guarded reservation UPDATE
 * uses the same formula, so what is shown as available is exactly what can be reserved.
 */
export function availableToPromise(position: PositionQuantities): number {
  return Math.max(0, position.onHand - position.reserved - position.safetyStock);
}

export function toStockPosition(
  position: PositionQuantities & { sku: string; locationId: string },
): inventoryV1.StockPosition {
  return {
    sku: position.sku,
    locationId: position.locationId,
    onHand: position.onHand,
    reserved: position.reserved,
    safetyStock: position.safetyStock,
    available: availableToPromise(position),
  };
}
