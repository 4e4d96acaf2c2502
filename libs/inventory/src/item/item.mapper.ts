import type { inventoryV1 } from '@baton/contracts';
import type { ItemEntity } from './item.entity';
import type { ItemChanges, NewItem } from './items.repository';

/** The contract form of an item. */
export function toItem(entity: ItemEntity): inventoryV1.Item {
  return {
    sku: entity.sku,
    name: entity.name,
    productGroup: entity.productGroup,
    unitValueMinor: entity.unitValueMinor,
    weightGrams: entity.weightGrams,
    dimensions:
      entity.lengthMm !== null && entity.widthMm !== null && entity.heightMm !== null
        ? { lengthMm: entity.lengthMm, widthMm: entity.widthMm, heightMm: entity.heightMm }
        : undefined,
    safetyStock: entity.safetyStock,
    safetyStockByLocationType: Object.entries(entity.safetyStockByLocationType)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([locationType, quantity]) => ({ locationType, quantity })),
    lowStockThreshold: entity.lowStockThreshold ?? undefined,
    createdAt: entity.createdAt.toISOString(),
    updatedAt: entity.updatedAt.toISOString(),
  };
}

function rulesOf(rules: inventoryV1.SafetyStockRule[]): Record<string, number> {
  return Object.fromEntries(rules.map((rule) => [rule.locationType, rule.quantity]));
}

/** The row of a new item from a validated request. */
export function newItemOf(request: inventoryV1.CreateItemRequest): NewItem {
  return {
    sku: request.sku,
    name: request.name.trim(),
    productGroup: request.productGroup.trim(),
    unitValueMinor: request.unitValueMinor,
    weightGrams: request.weightGrams ?? 0,
    lengthMm: request.dimensions?.lengthMm ?? null,
    widthMm: request.dimensions?.widthMm ?? null,
    heightMm: request.dimensions?.heightMm ?? null,
    safetyStock: request.safetyStock ?? 0,
    safetyStockByLocationType: rulesOf(request.safetyStockByLocationType?.rules ?? []),
    lowStockThreshold: request.lowStockThreshold ?? null,
  };
}

/** The columns a validated update changes; unset fields are left out. */
export function itemChangesOf(request: inventoryV1.UpdateItemRequest): ItemChanges {
  const changes: ItemChanges = {};
  if (request.name !== undefined) changes.name = request.name.trim();
  if (request.productGroup !== undefined) changes.productGroup = request.productGroup.trim();
  if (request.unitValueMinor !== undefined) changes.unitValueMinor = request.unitValueMinor;
  if (request.weightGrams !== undefined) changes.weightGrams = request.weightGrams;
  if (request.dimensions) {
    changes.lengthMm = request.dimensions.lengthMm;
    changes.widthMm = request.dimensions.widthMm;
    changes.heightMm = request.dimensions.heightMm;
  }
  if (request.safetyStock !== undefined) changes.safetyStock = request.safetyStock;
  if (request.safetyStockByLocationType) changes.safetyStockByLocationType = rulesOf(request.safetyStockByLocationType.rules);
  if (request.lowStockThreshold !== undefined) changes.lowStockThreshold = request.lowStockThreshold;
  if (request.clearLowStockThreshold) changes.lowStockThreshold = null;
  return changes;
}

/** True when the change moves the safety stock of positions that follow the item's rules. */
export function changesSafetyStock(changes: ItemChanges): boolean {
  return changes.safetyStock !== undefined || changes.safetyStockByLocationType !== undefined;
}
