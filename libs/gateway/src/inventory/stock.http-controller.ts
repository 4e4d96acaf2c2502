import { Body, Controller, Get, HttpCode, Inject, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { inventoryV1 } from '@baton/contracts';
import { RequireRoles } from '../auth/roles';
import { INVENTORY_PEER, type InventoryPeer } from '../grpc-peers';
import { DEFAULT_PAGE_SIZE, type Page } from '../limits/pagination';
import { InventoryAccess } from './inventory-access';
import {
  AdjustmentDto,
  CountDto,
  ListMovementsQuery,
  ListPositionsQuery,
  ReceiptDto,
  ReturnRestockDto,
  SafetyStockDto,
  WriteOffDto,
} from './stock.dto';
import { CountView, MovementPageView, PositionPageView, StockOperationView, StockPositionView } from './stock.view';

const RESERVED = 'STOCK_RESERVED / INSUFFICIENT_STOCK: units reserved for orders never leave (details name onHand and reserved)';

/**
 * Stock positions and the movement ledger: reads, and the manual operations of stores and
 * warehouses. Thin: validate, check a partner key acts at its own location, forward over gRPC.
 * Every operation is idempotent by its reference.
 */
@ApiTags('inventory')
@ApiBearerAuth()
@Controller('v1/inventory')
export class StockHttpController {
  constructor(
    @Inject(INVENTORY_PEER) private readonly inventory: InventoryPeer,
    private readonly access: InventoryAccess,
  ) {}

  @Get('positions')
  @RequireRoles('admin', 'service', 'readonly', 'store', 'partner')
  @ApiOperation({ summary: 'List stock positions', description: 'In (SKU, location) order; by SKU, by location or both.' })
  @ApiResponse({ status: 200, type: PositionPageView })
  @ApiResponse({ status: 400, description: 'A filter or the cursor is invalid; a partner key named no location' })
  async positions(@Query() query: ListPositionsQuery): Promise<Page<inventoryV1.StockPosition>> {
    const locationId = await this.access.singleLocationFor(query.locationId);
    if (locationId === null) return { items: [], nextCursor: null };
    const page = await this.inventory.call('listPositions', {
      sku: query.sku ?? '',
      locationId: locationId ?? '',
      pageSize: query.limit ?? DEFAULT_PAGE_SIZE,
      pageToken: query.cursor ?? '',
    });
    return { items: page.positions, nextCursor: page.nextPageToken || null };
  }

  @Get('movements')
  @RequireRoles('admin', 'service', 'readonly', 'store', 'partner')
  @ApiOperation({ summary: 'List ledger movements, newest first', description: 'Who, why and the reference of every stock change.' })
  @ApiResponse({ status: 200, type: MovementPageView })
  @ApiResponse({ status: 400, description: 'A filter or the cursor is invalid; a partner key named no location' })
  async movements(@Query() query: ListMovementsQuery): Promise<Page<inventoryV1.Movement>> {
    const locationId = await this.access.singleLocationFor(query.locationId);
    if (locationId === null) return { items: [], nextCursor: null };
    const page = await this.inventory.call('listMovements', {
      sku: query.sku ?? '',
      locationId: locationId ?? '',
      type: query.type ?? '',
      reference: query.reference ?? '',
      pageSize: query.limit ?? DEFAULT_PAGE_SIZE,
      pageToken: query.cursor ?? '',
    });
    return { items: page.movements, nextCursor: page.nextPageToken || null };
  }

  @Post('receipts')
  @HttpCode(200)
  @RequireRoles('store', 'partner')
  @ApiOperation({ summary: 'Receive stock', description: 'Units arrived outside an inbound supply. For POs and ASNs use /v1/inbound.' })
  @ApiResponse({ status: 200, type: StockPositionView })
  @ApiResponse({ status: 404, description: 'ITEM_NOT_FOUND or LOCATION_NOT_FOUND' })
  async receive(@Body() body: ReceiptDto): Promise<inventoryV1.StockPosition> {
    await this.access.assertOwnLocations([body.locationId], 'locationId');
    const { position } = await this.inventory.call('receiveStock', { ...body, reason: body.reason ?? '' });
    return position as inventoryV1.StockPosition;
  }

  @Post('adjustments')
  @HttpCode(200)
  @RequireRoles('store', 'partner')
  @ApiOperation({ summary: 'Adjust stock with a reason', description: 'Adds or removes units; never below what is reserved.' })
  @ApiResponse({ status: 200, type: StockOperationView })
  @ApiResponse({ status: 409, description: RESERVED })
  adjust(@Body() body: AdjustmentDto): Promise<inventoryV1.AdjustStockResponse> {
    return this.atOwnLocation(body.locationId, () => this.inventory.call('adjustStock', body));
  }

  @Post('counts')
  @HttpCode(200)
  @RequireRoles('store', 'partner')
  @ApiOperation({
    summary: 'Record a cycle count',
    description: 'Sets on hand to the count; the difference is a count movement. On hand never goes below what orders hold: that part is reported as unresolvedShortfall.',
  })
  @ApiResponse({ status: 200, type: CountView })
  count(@Body() body: CountDto): Promise<inventoryV1.CountStockResponse> {
    return this.atOwnLocation(body.locationId, () => this.inventory.call('countStock', { ...body, reason: body.reason ?? '' }));
  }

  @Post('write-offs')
  @HttpCode(200)
  @RequireRoles('store', 'partner')
  @ApiOperation({ summary: 'Write off damaged, lost or expired units' })
  @ApiResponse({ status: 200, type: StockOperationView })
  @ApiResponse({ status: 409, description: RESERVED })
  writeOff(@Body() body: WriteOffDto): Promise<inventoryV1.WriteOffStockResponse> {
    return this.atOwnLocation(body.locationId, () => this.inventory.call('writeOffStock', body));
  }

  @Post('return-restocks')
  @HttpCode(200)
  @RequireRoles('store', 'partner', 'service')
  @ApiOperation({ summary: 'Put returned units back on hand', description: 'The reference names the return (RMA line).' })
  @ApiResponse({ status: 200, type: StockOperationView })
  restock(@Body() body: ReturnRestockDto): Promise<inventoryV1.RestockReturnResponse> {
    return this.atOwnLocation(body.locationId, () => this.inventory.call('restockReturn', { ...body, reason: body.reason ?? '' }));
  }

  @Put('safety-stock')
  @RequireRoles('admin')
  @ApiOperation({ summary: 'Pin (or release) the safety stock of one position', description: 'null hands it back to the item’s rules.' })
  @ApiResponse({ status: 200, type: StockPositionView })
  @ApiResponse({ status: 404, description: 'ITEM_NOT_FOUND or LOCATION_NOT_FOUND' })
  async safetyStock(@Body() body: SafetyStockDto): Promise<inventoryV1.StockPosition> {
    const { position } = await this.inventory.call('setSafetyStock', {
      sku: body.sku,
      locationId: body.locationId,
      quantity: body.quantity ?? undefined,
    });
    return position as inventoryV1.StockPosition;
  }

  private async atOwnLocation<T>(locationId: string, call: () => Promise<T>): Promise<T> {
    await this.access.assertOwnLocations([locationId], 'locationId');
    return call();
  }
}
