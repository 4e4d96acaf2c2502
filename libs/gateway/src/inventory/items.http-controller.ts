import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { inventoryV1 } from '@baton/contracts';
import { RequireRoles } from '../auth/roles';
import { INVENTORY_PEER, type InventoryPeer } from '../grpc-peers';
import { DEFAULT_PAGE_SIZE, type Page } from '../limits/pagination';
import { ItemPageView, ItemView } from './item.view';
import { CreateItemDto, ListItemsQuery, UpdateItemDto } from './items.dto';

const SKU = { name: 'sku', example: 'TSHIRT-BLUE-M', description: 'The item’s SKU' };

/** SKUs with their attributes and safety stock rules. Thin: validate, forward over gRPC, map back. */
@ApiTags('items')
@ApiBearerAuth()
@Controller('v1/items')
export class ItemsHttpController {
  constructor(@Inject(INVENTORY_PEER) private readonly inventory: InventoryPeer) {}

  @Post()
  @HttpCode(201)
  @RequireRoles('admin')
  @ApiOperation({ summary: 'Create an item (SKU)' })
  @ApiResponse({ status: 201, type: ItemView })
  @ApiResponse({ status: 400, description: 'A field is invalid; nothing was stored' })
  @ApiResponse({ status: 409, description: 'ITEM_SKU_TAKEN' })
  async create(@Body() body: CreateItemDto): Promise<inventoryV1.Item> {
    const { item } = await this.inventory.call('createItem', {
      sku: body.sku,
      name: body.name,
      productGroup: body.productGroup ?? '',
      unitValueMinor: body.unitValueMinor ?? 0,
      weightGrams: body.weightGrams,
      dimensions: body.dimensions,
      safetyStock: body.safetyStock,
      safetyStockByLocationType: body.safetyStockByLocationType ? { rules: body.safetyStockByLocationType } : undefined,
      lowStockThreshold: body.lowStockThreshold ?? undefined,
    });
    return item as inventoryV1.Item;
  }

  @Get()
  @RequireRoles('admin', 'service', 'readonly', 'store', 'partner', 'channel')
  @ApiOperation({ summary: 'List items in SKU order' })
  @ApiResponse({ status: 200, type: ItemPageView })
  @ApiResponse({ status: 400, description: 'A filter or the cursor is invalid' })
  async list(@Query() query: ListItemsQuery): Promise<Page<inventoryV1.Item>> {
    const page = await this.inventory.call('listItems', {
      productGroup: query.productGroup ?? '',
      pageSize: query.limit ?? DEFAULT_PAGE_SIZE,
      pageToken: query.cursor ?? '',
    });
    return { items: page.items, nextCursor: page.nextPageToken || null };
  }

  @Get(':sku')
  @RequireRoles('admin', 'service', 'readonly', 'store', 'partner', 'channel')
  @ApiOperation({ summary: 'Get an item' })
  @ApiParam(SKU)
  @ApiResponse({ status: 200, type: ItemView })
  @ApiResponse({ status: 404, description: 'ITEM_NOT_FOUND' })
  async get(@Param('sku') sku: string): Promise<inventoryV1.Item> {
    return (await this.inventory.call('getItem', { sku })).item as inventoryV1.Item;
  }

  @Patch(':sku')
  @RequireRoles('admin')
  @ApiOperation({
    summary: 'Change an item',
    description: 'Only the fields sent change. New safety stock rules reach every position that follows them at once.',
  })
  @ApiParam(SKU)
  @ApiResponse({ status: 200, type: ItemView })
  @ApiResponse({ status: 400, description: 'A field is invalid; nothing was changed' })
  @ApiResponse({ status: 404, description: 'ITEM_NOT_FOUND' })
  async update(@Param('sku') sku: string, @Body() body: UpdateItemDto): Promise<inventoryV1.Item> {
    const { item } = await this.inventory.call('updateItem', {
      sku,
      name: body.name,
      productGroup: body.productGroup,
      unitValueMinor: body.unitValueMinor,
      weightGrams: body.weightGrams,
      dimensions: body.dimensions,
      safetyStock: body.safetyStock,
      safetyStockByLocationType: body.safetyStockByLocationType ? { rules: body.safetyStockByLocationType } : undefined,
      lowStockThreshold: body.lowStockThreshold ?? undefined,
      clearLowStockThreshold: body.lowStockThreshold === null,
    });
    return item as inventoryV1.Item;
  }
}
