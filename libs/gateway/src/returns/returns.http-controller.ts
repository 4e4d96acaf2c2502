import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { returnsV1 } from '@baton/contracts';
import { RequireRoles } from '../auth/roles';
import { RETURNS_PEER, type ReturnsPeer } from '../grpc-peers';
import { DEFAULT_PAGE_SIZE, type Page } from '../limits/pagination';
import { CreateReturnDto } from './create-return.dto';
import { ListReturnsQuery } from './list-returns.query';
import { InTransitDto, ReasonDto } from './return-actions.dto';
import { ReturnAccess } from './return-access';
import { ReturnPageView, ReturnView } from './return.view';

export const RETURN_ID = { name: 'id', format: 'uuid', example: '3d0f8a2c-5b1e-4f7a-9c6d-2e8b4a1f0c93', description: 'Return id' };

/**
 * Authorising, finding and withdrawing returns. Thin: validate, forward over gRPC with the tenant,
 * map back; the returns service decides. A partner-bound key sees only returns at its locations.
 */
@ApiTags('returns')
@ApiBearerAuth()
@Controller('v1/returns')
export class ReturnsHttpController {
  constructor(
    @Inject(RETURNS_PEER) private readonly returns: ReturnsPeer,
    private readonly access: ReturnAccess,
  ) {}

  @Post()
  @HttpCode(201)
  @RequireRoles('channel', 'store', 'service')
  @ApiOperation({
    summary: 'Authorise a return (RMA)',
    description:
      'For shipped or collected lines only, up to what other returns have not taken, within the window and the tenant rules. ' +
      'By mail (with a return label when a carrier offers one) or in any store that accepts returns. With exchangeLines, an ' +
      'exchange order is placed at once.',
  })
  @ApiResponse({ status: 201, type: ReturnView, description: 'The return was authorised' })
  @ApiResponse({ status: 200, type: ReturnView, description: 'The same reference was used before; that return is answered' })
  @ApiResponse({ status: 400, description: 'The body is invalid (unknown line, reason or location named); nothing was stored' })
  @ApiResponse({ status: 404, description: 'No such order' })
  @ApiResponse({ status: 409, description: 'RETURN_QUANTITY_EXCEEDED: more than is left to return; or the exchange cannot be sourced' })
  @ApiResponse({ status: 422, description: 'LINE_NOT_RETURNABLE (not shipped, window closed, rules) or LOCATION_NOT_ACCEPTING_RETURNS' })
  async createReturn(@Body() body: CreateReturnDto, @Res({ passthrough: true }) res: Response): Promise<returnsV1.Return> {
    if (body.method === 'in_store') await this.access.assertOwnLocation(body.locationId, 'locationId');
    const created = await this.returns.call('createReturn', {
      orderId: body.orderId,
      method: body.method,
      locationId: body.locationId ?? '',
      createdBy: body.createdBy ?? 'channel',
      reference: body.reference ?? '',
      lines: body.lines.map((line) => ({ lineId: line.lineId, quantity: line.quantity, reasonCode: line.reasonCode, note: line.note ?? '' })),
      refundMode: body.refundMode ?? 'refund',
      noRefundReason: body.noRefundReason ?? '',
      exchangeLines: body.exchangeLines ?? [],
    });
    if (!created.created) res.status(200);
    return created.rma as returnsV1.Return;
  }

  @Get()
  @RequireRoles('channel', 'store', 'service', 'readonly', 'partner')
  @ApiOperation({ summary: 'List returns by order, status or location', description: 'Newest first, a page at a time.' })
  @ApiResponse({ status: 200, type: ReturnPageView })
  @ApiResponse({ status: 400, description: 'A filter or the cursor is invalid' })
  async listReturns(@Query() query: ListReturnsQuery): Promise<Page<returnsV1.Return>> {
    const locations = await this.access.restrictLocations(query.locationId);
    if (locations !== undefined && locations.length === 0) return { items: [], nextCursor: null };
    const page = await this.returns.call('listReturns', {
      orderId: query.orderId ?? '',
      status: query.status ?? '',
      locationId: locations === undefined ? (query.locationId ?? '') : '',
      locationIds: locations ?? [],
      pageSize: query.limit ?? DEFAULT_PAGE_SIZE,
      pageToken: query.cursor ?? '',
    });
    return { items: page.returns, nextCursor: page.nextPageToken || null };
  }

  @Get(':id')
  @RequireRoles('channel', 'store', 'service', 'readonly', 'partner')
  @ApiOperation({ summary: 'Get a return with its units, refund, exchange and history' })
  @ApiParam(RETURN_ID)
  @ApiResponse({ status: 200, type: ReturnView })
  @ApiResponse({ status: 404, description: 'No such return in this tenant (or not at the partner’s locations)' })
  getReturn(@Param('id', new ParseUUIDPipe()) id: string): Promise<returnsV1.Return> {
    return this.access.visibleReturn(id);
  }

  @Post(':id/in-transit')
  @HttpCode(200)
  @RequireRoles('channel', 'store', 'service')
  @ApiOperation({ summary: 'Record that the parcel is on its way back' })
  @ApiParam(RETURN_ID)
  @ApiResponse({ status: 200, type: ReturnView })
  @ApiResponse({ status: 422, description: 'ILLEGAL_TRANSITION: only an authorised return goes in transit' })
  async markInTransit(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: InTransitDto): Promise<returnsV1.Return> {
    await this.access.visibleReturn(id);
    const { rma } = await this.returns.call('markInTransit', { returnId: id, carrier: body.carrier ?? '', trackingNumber: body.trackingNumber ?? '' });
    return rma as returnsV1.Return;
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @RequireRoles('channel', 'store', 'service')
  @ApiOperation({ summary: 'Cancel a return before anything arrived', description: 'Its quantities become returnable again.' })
  @ApiParam(RETURN_ID)
  @ApiResponse({ status: 200, type: ReturnView })
  @ApiResponse({ status: 422, description: 'ILLEGAL_TRANSITION (already received) or EXCHANGE_ORDER_OPEN' })
  async cancelReturn(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ReasonDto): Promise<returnsV1.Return> {
    await this.access.visibleReturn(id);
    const { rma } = await this.returns.call('cancelReturn', { returnId: id, reason: body.reason });
    return rma as returnsV1.Return;
  }
}
