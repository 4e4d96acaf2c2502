import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { inventoryV1 } from '@baton/contracts';
import { ValidationError, type FieldViolation } from '@baton/domain';
import { DataSource } from 'typeorm';
import { requireIdentifier } from '../input-rules';
import { InventoryError } from '../inventory.errors';
import { decodePageToken, pageOf, pageSizeOf } from '../pagination';
import { isUniqueViolation } from '../postgres-errors';
import { StockPositionsRepository } from '../stock/stock-positions.repository';
import type { ItemEntity } from './item.entity';
import { changesSafetyStock, itemChangesOf, newItemOf, toItem } from './item.mapper';
import { validateCreateItem, validateUpdateItem } from './item-input';
import { ItemsRepository } from './items.repository';

/**
 * Registers SKUs and their attributes. Invariants: a SKU names one item per tenant; a request
 * with any bad field stores nothing; when the item's safety stock rules change, every position
 * that follows them changes in the same transaction (positions with an override keep theirs).
 */
@Injectable()
export class ItemsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly items: ItemsRepository,
    private readonly positions: StockPositionsRepository,
  ) {}

  async createItem(request: inventoryV1.CreateItemRequest): Promise<inventoryV1.Item> {
    reject(validateCreateItem(request));
    try {
      return toItem(await this.items.insert(newItemOf(request)));
    } catch (error) {
      if (isUniqueViolation(error, 'items_pkey')) {
        throw new InventoryError('ITEM_SKU_TAKEN', `An item with SKU "${request.sku}" already exists`, {
          sku: request.sku,
        });
      }
      throw error;
    }
  }

  async updateItem(request: inventoryV1.UpdateItemRequest): Promise<inventoryV1.Item> {
    reject(validateUpdateItem(request));
    const changes = itemChangesOf(request);
    const item = await this.dataSource.transaction(async (manager) => {
      const updated = await this.items.update(manager, request.sku, changes);
      if (updated && changesSafetyStock(changes)) await this.positions.refreshItemSafetyStock(manager, request.sku);
      return updated;
    });
    return toItem(found(request.sku, item));
  }

  async getItem(request: inventoryV1.GetItemRequest): Promise<inventoryV1.Item> {
    reject(requireIdentifier('sku', request.sku));
    return toItem(found(request.sku, await this.items.findBySku(request.sku)));
  }

  async listItems(request: inventoryV1.ListItemsRequest): Promise<inventoryV1.ListItemsResponse> {
    const limit = pageSizeOf(request.pageSize);
    const after = decodePageToken(request.pageToken, 1);
    const rows = await this.items.page(request.productGroup || undefined, after ? String(after[0]) : undefined, limit + 1);
    const page = pageOf(rows, limit, (row) => [row.sku]);
    return { items: page.rows.map(toItem), nextPageToken: page.nextPageToken };
  }
}

function reject(violations: FieldViolation[]): void {
  if (violations.length > 0) throw new ValidationError(violations);
}

function found(sku: string, item: ItemEntity | null): ItemEntity {
  if (!item) throw new InventoryError('ITEM_NOT_FOUND', `No item with SKU "${sku}"`, { sku });
  return item;
}
