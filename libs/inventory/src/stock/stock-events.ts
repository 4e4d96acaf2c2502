import type { StockChangedV1, StockLowV1 } from '@baton/domain';
import { availableToPromise } from './availability';
import type { PositionDelta, PositionState } from './position-deltas';

export interface AfterChange extends PositionState {
  sku: string;
  locationId: string;
  lowStockThreshold: number | null;
}

/** The position as it was before `delta` was applied to give `after`. */
export function positionBefore(after: PositionState, delta: Pick<PositionDelta, 'onHandDelta' | 'reservedDelta'>): PositionState {
  return {
    onHand: after.onHand - delta.onHandDelta,
    reserved: after.reserved - delta.reservedDelta,
    safetyStock: after.safetyStock,
  };
}

/** The `inventory.stock.changed.v1` payload of one booking at one position, or null when on hand did not change. */
export function stockChangedData(delta: PositionDelta, after: AfterChange): StockChangedV1 | null {
  if (delta.onHandDelta === 0) return null;
  const available = availableToPromise(after);
  return {
    sku: after.sku,
    locationId: after.locationId,
    movementType: delta.types.join('+'),
    quantity: delta.onHandDelta,
    onHandDelta: delta.onHandDelta,
    reservedDelta: delta.reservedDelta,
    onHand: after.onHand,
    reserved: after.reserved,
    safetyStock: after.safetyStock,
    available,
    availableDelta: available - availableToPromise(positionBefore(after, delta)),
    reference: delta.references[0],
  };
}

/**
 * The `inventory.stock.low.v1` payload when this booking took ATP from above the item's threshold
 * to at or below it; null otherwise (no threshold, no crossing). Announcing only the crossing
 * keeps a busy position from repeating the warning on every sale.
 */
export function stockLowData(delta: PositionDelta, after: AfterChange): StockLowV1 | null {
  const threshold = after.lowStockThreshold;
  if (threshold === null) return null;
  const available = availableToPromise(after);
  const before = availableToPromise(positionBefore(after, delta));
  if (!(before > threshold && available <= threshold)) return null;
  return {
    sku: after.sku,
    locationId: after.locationId,
    available,
    threshold,
    onHand: after.onHand,
    reserved: after.reserved,
  };
}
