import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { fulfillmentV1 } from '@baton/contracts';
import { ValidationError } from '@baton/domain';
import { RequireRoles } from '../auth/roles';
import { FULFILLMENT_PEER, type FulfillmentPeer } from '../grpc-peers';
import { ArriveDto, HandOverDto, PackDto, PickDto, RejectFulfillmentDto, ShipDto } from './fulfillment-actions.dto';
import { FulfillmentAccess } from './fulfillment-access';
import { ListFulfillmentsQuery } from './fulfillment-queries.dto';
import { FulfillmentListView, FulfillmentView } from './fulfillment.view';

const FULFILLMENT_ID = { name: 'id', format: 'uuid', example: '3d0f8a2c-5b1e-4f7a-9c6d-2e8b4a1f0c93', description: 'Fulfilment id' };
const NOT_ALLOWED = 'ILLEGAL_TRANSITION: not possible in the current status (details.reason names why)';

/**
 * The work of stores and warehouses, as a store app calls it: the queue, and each operation on a
 * fulfilment. Thin: validate, check the partner may see the fulfilment, forward over gRPC, map back.
 */
@ApiTags('fulfillments')
@ApiBearerAuth()
@Controller('v1/fulfillments')
export class FulfillmentsHttpController {
  constructor(
    @Inject(FULFILLMENT_PEER) private readonly fulfillments: FulfillmentPeer,
    private readonly access: FulfillmentAccess,
  ) {}

  @Get()
  @RequireRoles('store', 'service', 'readonly', 'partner')
  @ApiOperation({
    summary: "A location's work queue, or an order's fulfilments",
    description: 'With locationId: the queue by priority, then due time, then age, filtered by status. With orderId: every leg of the order.',
  })
  @ApiResponse({ status: 200, type: FulfillmentListView })
  @ApiResponse({ status: 400, description: 'Neither locationId nor orderId, or a bad filter' })
  @ApiResponse({ status: 403, description: 'LOCATION_FORBIDDEN: a partner key asked for another partner’s location' })
  async list(@Query() query: ListFulfillmentsQuery): Promise<{ items: fulfillmentV1.Fulfillment[]; nextCursor: null }> {
    if (query.orderId) {
      const { fulfillments } = await this.fulfillments.call('listOrderFulfillments', { orderId: query.orderId });
      const visible = await this.access.visibleOf(fulfillments);
      const statuses = query.status ?? [];
      return { items: visible.filter((f) => statuses.length === 0 || statuses.includes(f.status as never)), nextCursor: null };
    }
    if (!query.locationId) throw new ValidationError([{ field: 'locationId', message: 'locationId or orderId is required' }]);
    await this.access.assertOwnLocations([query.locationId], 'locationId');
    const { fulfillments } = await this.fulfillments.call('listFulfillments', {
      locationId: query.locationId,
      statuses: query.status ?? [],
      limit: query.limit ?? 50,
      lateOnly: query.late ?? false,
    });
    return { items: fulfillments, nextCursor: null };
  }

  @Get(':id')
  @RequireRoles('store', 'service', 'readonly', 'partner', 'channel')
  @ApiOperation({ summary: 'Get a fulfilment with its lines, packages and shipments' })
  @ApiParam(FULFILLMENT_ID)
  @ApiResponse({ status: 200, type: FulfillmentView })
  @ApiResponse({ status: 404, description: 'No such fulfilment in this tenant (or not at the partner’s locations)' })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<fulfillmentV1.Fulfillment> {
    return this.access.visible(id);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @RequireRoles('store', 'partner')
  @ApiOperation({ summary: 'Accept the work', description: "Counts against the location's daily capacity." })
  @ApiParam(FULFILLMENT_ID)
  @ApiResponse({ status: 200, type: FulfillmentView })
  @ApiResponse({ status: 409, description: 'CAPACITY_EXCEEDED: the location accepted its daily capacity' })
  @ApiResponse({ status: 422, description: NOT_ALLOWED })
  async accept(@Param('id', new ParseUUIDPipe()) id: string): Promise<fulfillmentV1.Fulfillment> {
    await this.access.visible(id);
    return (await this.fulfillments.call('acceptFulfillment', { fulfillmentId: id })).fulfillment as fulfillmentV1.Fulfillment;
  }

  @Post(':id/reject')
  @HttpCode(200)
  @RequireRoles('store', 'partner')
  @ApiOperation({ summary: 'Give the work back with a reason', description: 'Before it ships; the order is re-sourced elsewhere.' })
  @ApiParam(FULFILLMENT_ID)
  @ApiResponse({ status: 200, type: FulfillmentView })
  @ApiResponse({ status: 400, description: 'No reason' })
  @ApiResponse({ status: 422, description: NOT_ALLOWED })
  async reject(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: RejectFulfillmentDto): Promise<fulfillmentV1.Fulfillment> {
    await this.access.visible(id);
    return (await this.fulfillments.call('rejectFulfillment', { fulfillmentId: id, reason: body.reason })).fulfillment as fulfillmentV1.Fulfillment;
  }

  @Post(':id/pick')
  @HttpCode(200)
  @RequireRoles('store', 'partner')
  @ApiOperation({
    summary: 'Confirm the pick',
    description: 'Every line with its quantity found (scans optional). Missing units are short-picked: given back at once for re-sourcing.',
  })
  @ApiParam(FULFILLMENT_ID)
  @ApiResponse({ status: 200, type: FulfillmentView })
  @ApiResponse({ status: 400, description: 'A line missing or unknown, more than open (QUANTITY_EXCEEDED), or scans not matching (SCAN_MISMATCH)' })
  @ApiResponse({ status: 422, description: NOT_ALLOWED })
  async pick(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: PickDto): Promise<fulfillmentV1.Fulfillment> {
    await this.access.visible(id);
    const { fulfillment } = await this.fulfillments.call('confirmPick', { fulfillmentId: id, lines: body.lines, scannedSkus: body.scannedSkus ?? [] });
    return fulfillment as fulfillmentV1.Fulfillment;
  }

  @Post(':id/pack')
  @HttpCode(200)
  @RequireRoles('store', 'partner')
  @ApiOperation({ summary: 'Pack into packages', description: 'Weights and measures per package; every picked unit in exactly one.' })
  @ApiParam(FULFILLMENT_ID)
  @ApiResponse({ status: 200, type: FulfillmentView })
  @ApiResponse({ status: 400, description: 'PACKAGES_MISMATCH or invalid measures' })
  @ApiResponse({ status: 422, description: NOT_ALLOWED })
  async pack(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: PackDto): Promise<fulfillmentV1.Fulfillment> {
    await this.access.visible(id);
    const packages = body.packages.map((p) => ({ weightGrams: p.weightGrams, lengthMm: p.lengthMm, widthMm: p.widthMm, heightMm: p.heightMm, lines: p.lines ?? [] }));
    return (await this.fulfillments.call('packFulfillment', { fulfillmentId: id, packages })).fulfillment as fulfillmentV1.Fulfillment;
  }

  @Post(':id/ship')
  @HttpCode(200)
  @RequireRoles('store', 'partner')
  @ApiOperation({
    summary: 'Ship: buy a label per package and hand over to the carrier',
    description: 'The carrier service per package follows the strategy (cheapest, fastest, best insurance for the value) unless one is named.',
  })
  @ApiParam(FULFILLMENT_ID)
  @ApiResponse({ status: 200, type: FulfillmentView })
  @ApiResponse({ status: 422, description: `${NOT_ALLOWED}; NO_CARRIER_SERVICE; NO_DESTINATION` })
  @ApiResponse({ status: 503, description: 'CARRIER_FAILED: no label was bought (any bought before were cancelled)' })
  async ship(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ShipDto): Promise<fulfillmentV1.Fulfillment> {
    await this.access.visible(id);
    const { fulfillment } = await this.fulfillments.call('shipFulfillment', {
      fulfillmentId: id,
      carrierId: body.carrierId ?? '',
      serviceCode: body.serviceCode ?? '',
      strategy: body.strategy ?? '',
    });
    return fulfillment as fulfillmentV1.Fulfillment;
  }

  @Post(':id/ready')
  @HttpCode(200)
  @RequireRoles('store', 'partner')
  @ApiOperation({ summary: 'Ready for pickup', description: 'Issues the pickup code, sent to the customer by event (never in this response).' })
  @ApiParam(FULFILLMENT_ID)
  @ApiResponse({ status: 200, type: FulfillmentView })
  @ApiResponse({ status: 422, description: NOT_ALLOWED })
  async ready(@Param('id', new ParseUUIDPipe()) id: string): Promise<fulfillmentV1.Fulfillment> {
    await this.access.visible(id);
    return (await this.fulfillments.call('markReadyForPickup', { fulfillmentId: id })).fulfillment as fulfillmentV1.Fulfillment;
  }

  @Post(':id/hand-over')
  @HttpCode(200)
  @RequireRoles('store', 'partner')
  @ApiOperation({ summary: 'Hand over to the customer against the pickup code', description: 'All, or only the lines given (partial collection).' })
  @ApiParam(FULFILLMENT_ID)
  @ApiResponse({ status: 200, type: FulfillmentView })
  @ApiResponse({ status: 422, description: `PICKUP_CODE_INVALID (nothing changes); ${NOT_ALLOWED}` })
  async handOver(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: HandOverDto): Promise<fulfillmentV1.Fulfillment> {
    await this.access.visible(id);
    const { fulfillment } = await this.fulfillments.call('handOver', { fulfillmentId: id, pickupCode: body.pickupCode, lines: body.lines ?? [] });
    return fulfillment as fulfillmentV1.Fulfillment;
  }

  @Post(':id/arrive')
  @HttpCode(200)
  @RequireRoles('store', 'partner', 'channel')
  @ApiOperation({ summary: 'Curbside: the customer has arrived', description: 'Announced to the store by event.' })
  @ApiParam(FULFILLMENT_ID)
  @ApiResponse({ status: 200, type: FulfillmentView })
  @ApiResponse({ status: 422, description: 'Not a pickup, or already closed' })
  async arrive(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ArriveDto): Promise<fulfillmentV1.Fulfillment> {
    await this.access.visible(id);
    return (await this.fulfillments.call('recordArrival', { fulfillmentId: id, note: body.note ?? '' })).fulfillment as fulfillmentV1.Fulfillment;
  }

  @Post(':id/receive')
  @HttpCode(200)
  @RequireRoles('store', 'partner')
  @ApiOperation({
    summary: 'Receive a transfer at its destination',
    description: 'Ship-to-store: activates the pickup leg waiting at the store. Deliveries to customers are confirmed by carrier tracking instead.',
  })
  @ApiParam(FULFILLMENT_ID)
  @ApiResponse({ status: 200, type: FulfillmentView })
  @ApiResponse({ status: 422, description: `${NOT_ALLOWED} (only a shipped transfer is received)` })
  async receive(@Param('id', new ParseUUIDPipe()) id: string): Promise<fulfillmentV1.Fulfillment> {
    const found = await this.access.visible(id);
    await this.access.assertOwnLocations([found.destinationLocationId || found.locationId], 'destinationLocationId');
    return (await this.fulfillments.call('confirmReceipt', { fulfillmentId: id })).fulfillment as fulfillmentV1.Fulfillment;
  }
}
