import { Injectable } from '@nestjs/common';
import type { inventoryV1 } from '@baton/contracts';
import { ValidationError } from '@baton/domain';
import { InventoryError } from '../inventory.errors';
import { isUniqueViolation } from '../postgres-errors';
import type { ItemEntity } from './item.entity';
import { validateCreateItem } from './item-input';
import { ItemsRepository } from './items.repository';

/**
 * Registers SKUs. Invariant: a SKU names one item per tenant; a request with any bad field stores
 * nothing.
 */
@Injectable()
export class ItemsService {
  constructor(private readonly items: ItemsRepository) {}

  async createItem(request: inventoryV1.CreateItemRequest): Promise<inventoryV1.Item> {
    const violations = validateCreateItem(request);
    if (violations.length > 0) throw new ValidationError(violations);
    try {
      const item = await this.items.insert({
        sku: request.sku,
        name: request.name.trim(),
        productGroup: request.productGroup.trim(),
        unitValueMinor: request.unitValueMinor,
      });
      return toItem(item);
    } catch (error) {
      if (isUniqueViolation(error, 'items_pkey')) {
        throw new InventoryError('ITEM_SKU_TAKEN', `An item with SKU "${request.sku}" already exists`, {
          sku: request.sku,
        });
      }
      throw error;
    }
  }
}

function toItem(entity: ItemEntity): inventoryV1.Item {
  return {
    sku: entity.sku,
    name: entity.name,
    productGroup: entity.productGroup,
    unitValueMinor: entity.unitValueMinor,
  };
}
