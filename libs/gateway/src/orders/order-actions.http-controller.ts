import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { ordersV1 } from '@baton/contracts';
import { PartnerScope } from '../auth/partner-scope';
import { RequireRoles } from '../auth/roles';
import { ORDERS_PEER, OrdersPeer } from '../grpc-peers';
import { CancelOrderDto, HoldOrderDto, ListOrdersQueryDto, ReleaseOrderDto } from './order-actions.dto';
import { OrderView } from './order.view';
import { locationsOfOrder, orderNotFound } from './orders.http-controller';

const ORDER_ID = { name: 'id', format: 'uuid', example: '7c9e6679-7425-40de-944b-e07fc1f90ae7', description: 'Order id' };

/**
 * What can be done with an order after it is placed: list and filter, cancel (whole or some
 * quantities), hold and release, close, and read its history and the explanation of its sourcing.
 * Thin: validate, check the caller may see the order (a partner only its locations' orders),
 * forward over gRPC.
 */
@ApiTags('orders')
@ApiBearerAuth()
@Controller('v1/orders')
export class OrderActionsHttpController {
  constructor(
    private readonly scope: PartnerScope,
    @Inject(ORDERS_PEER) private readonly orders: OrdersPeer,
  ) {}

  @Get()
  @RequireRoles('channel', 'service', 'readonly', 'partner', 'store')
  @ApiOperation({
    summary: 'List orders',
    description: 'Newest first; filter by status, channel, creation date, location and customer; page with nextPageToken.',
  })
  @ApiResponse({ status: 200, description: '{ orders: Order[], nextPageToken: string } — an empty token means the last page' })
  @ApiResponse({ status: 400, description: 'A filter is invalid; the problem names it' })
  async list(@Query() query: ListOrdersQueryDto): Promise<ordersV1.ListOrdersResponse> {
    const locations = await this.scope.restrictLocations(query.locationId ? [query.locationId] : undefined);
    if (locations && locations.length === 0) return { orders: [], nextPageToken: '' };
    return this.orders.call('listOrders', {
      statuses: query.status ?? [],
      channel: query.channel ?? '',
      channelOrderId: query.channelOrderId ?? '',
      createdFrom: query.createdFrom ?? '',
      createdTo: query.createdTo ?? '',
      locationId: '',
      locationIds: locations ?? [],
      customer: query.customer ?? '',
      pageSize: query.pageSize ?? 0,
      pageToken: query.pageToken ?? '',
    });
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @RequireRoles('channel', 'service')
  @ApiOperation({
    summary: 'Cancel an order, or some quantities of some lines',
    description: 'Until shipped. Units already packed or shipped are refused and named; the refund is in refundMinor.',
  })
  @ApiParam(ORDER_ID)
  @ApiResponse({ status: 200, description: '{ order, cancelled[], refused[], refundMinor, fulfillmentConsulted }' })
  @ApiResponse({ status: 400, description: 'The body is invalid (e.g. a line not of this order); nothing changed' })
  @ApiResponse({ status: 404, description: 'No such order' })
  @ApiResponse({ status: 409, description: 'Nothing of what was asked can be cancelled any more' })
  async cancel(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: CancelOrderDto): Promise<ordersV1.CancelOrderResponse> {
    await this.visible(id);
    return this.orders.call('cancelOrder', {
      orderId: id,
      reason: body.reason,
      lines: (body.lines ?? []).map((line) => ({ lineId: line.lineId, quantity: line.quantity ?? 0 })),
    });
  }

  @Post(':id/holds')
  @HttpCode(201)
  @RequireRoles('service')
  @ApiOperation({ summary: 'Put an order on hold', description: 'Nothing more is fulfilled until it is released.' })
  @ApiParam(ORDER_ID)
  @ApiResponse({ status: 201, description: '{ order, hold }' })
  @ApiResponse({ status: 422, description: 'The order is past the point where it can be held' })
  async hold(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: HoldOrderDto): Promise<ordersV1.HoldOrderResponse> {
    await this.visible(id);
    return this.orders.call('holdOrder', { orderId: id, reason: body.reason });
  }

  @Post(':id/release')
  @HttpCode(200)
  @RequireRoles('service')
  @ApiOperation({ summary: 'Release every open hold of an order', description: 'The order resumes where it stood.' })
  @ApiParam(ORDER_ID)
  @ApiResponse({ status: 200, description: '{ order, released[] }' })
  @ApiResponse({ status: 422, description: 'The order has no open hold' })
  async release(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ReleaseOrderDto): Promise<ordersV1.ReleaseOrderResponse> {
    await this.visible(id);
    return this.orders.call('releaseOrder', { orderId: id, note: body.note ?? '' });
  }

  @Post(':id/complete')
  @HttpCode(200)
  @RequireRoles('service')
  @ApiOperation({ summary: 'Close a delivered or collected order' })
  @ApiParam(ORDER_ID)
  @ApiResponse({ status: 200, type: OrderView })
  @ApiResponse({ status: 422, description: 'The order is not delivered or collected' })
  async complete(@Param('id', new ParseUUIDPipe()) id: string): Promise<ordersV1.Order> {
    await this.visible(id);
    return (await this.orders.call('completeOrder', { orderId: id })).order as ordersV1.Order;
  }

  @Get(':id/history')
  @RequireRoles('channel', 'service', 'readonly', 'partner', 'store')
  @ApiOperation({ summary: 'Every status change of the order and its lines: who, when, why, from which event' })
  @ApiParam(ORDER_ID)
  @ApiResponse({ status: 200, description: '{ changes: StatusChange[] }, oldest first' })
  async history(@Param('id', new ParseUUIDPipe()) id: string): Promise<ordersV1.GetOrderHistoryResponse> {
    await this.visible(id);
    return this.orders.call('getOrderHistory', { orderId: id });
  }

  @Get(':id/sourcing')
  @RequireRoles('service', 'readonly')
  @ApiOperation({
    summary: 'Why the order is fulfilled where it is',
    description: 'Every sourcing decision (placement, re-sourcing): the plan, and every candidate location with its scores and the reason it was not used.',
  })
  @ApiParam(ORDER_ID)
  @ApiResponse({ status: 200, description: '{ decisions: SourcingDecision[] }, oldest first' })
  async sourcing(@Param('id', new ParseUUIDPipe()) id: string): Promise<ordersV1.GetSourcingExplanationResponse> {
    await this.visible(id);
    return this.orders.call('getSourcingExplanation', { orderId: id });
  }

  /** Refuses, as not found, an order the caller's partner may not see. */
  private async visible(id: string): Promise<void> {
    if (!this.scope.partnerId()) return;
    const order = (await this.orders.call('getOrder', { orderId: id })).order as ordersV1.Order;
    await this.scope.assertTouches(locationsOfOrder(order), () => orderNotFound(id));
  }
}
