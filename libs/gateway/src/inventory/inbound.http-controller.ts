import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { inventoryV1 } from '@baton/contracts';
import { DomainError } from '@baton/domain';
import { RequireRoles } from '../auth/roles';
import { INVENTORY_PEER, type InventoryPeer } from '../grpc-peers';
import { DEFAULT_PAGE_SIZE, type Page } from '../limits/pagination';
import { CloseInboundDto, CreateInboundDto, ListInboundQuery, ReceiveInboundDto, TransferDto } from './inbound.dto';
import { InboundPageView, InboundSupplyView } from './inbound.view';
import { InventoryAccess } from './inventory-access';
import { UUID_EXAMPLE } from './inventory-vocabulary';

const SUPPLY_ID = { name: 'id', format: 'uuid', example: UUID_EXAMPLE, description: 'Inbound supply id' };

const supplyNotFound = (supplyId: string) =>
  new DomainError('not_found', 'INBOUND_NOT_FOUND', `No inbound supply with id "${supplyId}"`, { supplyId });

/**
 * Inbound supply: purchase orders, ASNs and transfers in transit, and receiving them. Thin:
 * validate, check a partner key acts at its own locations, forward over gRPC, map back.
 */
@ApiTags('inbound')
@ApiBearerAuth()
@Controller('v1/inbound')
export class InboundHttpController {
  constructor(
    @Inject(INVENTORY_PEER) private readonly inventory: InventoryPeer,
    private readonly access: InventoryAccess,
  ) {}

  @Post()
  @HttpCode(201)
  @RequireRoles('admin', 'service')
  @ApiOperation({ summary: 'Register a purchase order or ASN', description: 'Expected quantity and ETA per line and destination.' })
  @ApiResponse({ status: 201, type: InboundSupplyView })
  @ApiResponse({ status: 200, type: InboundSupplyView, description: 'The same reference was registered before with the same lines' })
  @ApiResponse({ status: 404, description: 'ITEM_NOT_FOUND or LOCATION_NOT_FOUND' })
  @ApiResponse({ status: 409, description: 'INBOUND_REFERENCE_TAKEN: the reference exists with other lines' })
  async create(@Body() body: CreateInboundDto, @Res({ passthrough: true }) res: Response): Promise<inventoryV1.InboundSupply> {
    const answer = await this.inventory.call('createInboundSupply', { ...body, supplier: body.supplier ?? '' });
    if (!answer.created) res.status(200);
    return answer.supply as inventoryV1.InboundSupply;
  }

  @Post('transfers')
  @HttpCode(201)
  @RequireRoles('admin', 'store', 'partner', 'service')
  @ApiOperation({
    summary: 'Transfer stock to another location',
    description: 'Units leave the source now (never reserved ones) and are inbound at the destination until received there.',
  })
  @ApiResponse({ status: 201, type: InboundSupplyView })
  @ApiResponse({ status: 200, type: InboundSupplyView, description: 'The same transfer was made before' })
  @ApiResponse({ status: 409, description: 'INSUFFICIENT_STOCK at the source, or INBOUND_REFERENCE_TAKEN' })
  async transfer(@Body() body: TransferDto, @Res({ passthrough: true }) res: Response): Promise<inventoryV1.InboundSupply> {
    await this.access.assertOwnLocations([body.fromLocationId], 'fromLocationId');
    const answer = await this.inventory.call('transferStock', { ...body, reason: body.reason ?? '' });
    if (!answer.created) res.status(200);
    return answer.supply as inventoryV1.InboundSupply;
  }

  @Get()
  @RequireRoles('admin', 'service', 'readonly', 'store', 'partner')
  @ApiOperation({ summary: 'List inbound supply, newest first' })
  @ApiResponse({ status: 200, type: InboundPageView })
  @ApiResponse({ status: 400, description: 'A filter or the cursor is invalid; a partner key named no location' })
  async list(@Query() query: ListInboundQuery): Promise<Page<inventoryV1.InboundSupply>> {
    const locationId = await this.access.singleLocationFor(query.locationId);
    if (locationId === null) return { items: [], nextCursor: null };
    const page = await this.inventory.call('listInboundSupplies', {
      kind: query.kind ?? '',
      status: query.status ?? '',
      sku: query.sku ?? '',
      locationId: locationId ?? '',
      pageSize: query.limit ?? DEFAULT_PAGE_SIZE,
      pageToken: query.cursor ?? '',
    });
    return { items: page.supplies, nextCursor: page.nextPageToken || null };
  }

  @Get(':id')
  @RequireRoles('admin', 'service', 'readonly', 'store', 'partner')
  @ApiOperation({ summary: 'Get an inbound supply with its lines' })
  @ApiParam(SUPPLY_ID)
  @ApiResponse({ status: 200, type: InboundSupplyView })
  @ApiResponse({ status: 404, description: 'INBOUND_NOT_FOUND' })
  async get(@Param('id', new ParseUUIDPipe()) id: string): Promise<inventoryV1.InboundSupply> {
    return this.visible(id);
  }

  @Post(':id/receipts')
  @HttpCode(200)
  @RequireRoles('admin', 'store', 'partner', 'service')
  @ApiOperation({
    summary: 'Receive units of an inbound supply',
    description: 'Partial, over and under receipts are recorded; received units are on hand at once. Idempotent by receiptId.',
  })
  @ApiParam(SUPPLY_ID)
  @ApiResponse({ status: 200, type: InboundSupplyView })
  @ApiResponse({ status: 400, description: 'A line is not a line of this supply' })
  @ApiResponse({ status: 409, description: 'INBOUND_CLOSED' })
  async receive(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ReceiveInboundDto): Promise<inventoryV1.InboundSupply> {
    const supply = await this.visible(id);
    await this.access.assertOwnLocations([...new Set(supply.lines.map((line) => line.locationId))], 'lines');
    const { supply: after } = await this.inventory.call('receiveInbound', { supplyId: id, ...body, close: body.close ?? false });
    return after as inventoryV1.InboundSupply;
  }

  @Post(':id/close')
  @HttpCode(200)
  @RequireRoles('admin', 'service')
  @ApiOperation({ summary: 'Close an inbound supply', description: 'What was not received stops counting as inbound and is recorded short.' })
  @ApiParam(SUPPLY_ID)
  @ApiResponse({ status: 200, type: InboundSupplyView })
  @ApiResponse({ status: 404, description: 'INBOUND_NOT_FOUND' })
  async close(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: CloseInboundDto): Promise<inventoryV1.InboundSupply> {
    const { supply } = await this.inventory.call('closeInboundSupply', { supplyId: id, reason: body.reason ?? '' });
    return supply as inventoryV1.InboundSupply;
  }

  private async visible(id: string): Promise<inventoryV1.InboundSupply> {
    const supply = (await this.inventory.call('getInboundSupply', { supplyId: id })).supply as inventoryV1.InboundSupply;
    const places = [supply.sourceLocationId, ...supply.lines.map((line) => line.locationId)].filter((place) => place !== '');
    if (!(await this.access.touches(places))) throw supplyNotFound(id);
    return supply;
  }
}
