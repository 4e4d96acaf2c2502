import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { ordersV1, trackingV1 } from '@baton/contracts';
import { ApiKeyGuard, RequireRoles } from '../auth/api-key.guard';
import { ORDERS_PEER, OrdersPeer, TRACKING_PEER, TrackingPeer } from '../grpc-peers';
import { PlaceOrderDto } from './place-order.dto';

/** The order routes: thin, they validate, forward over gRPC with the tenant, and map back. */
@ApiTags('orders')
@ApiBearerAuth()
@UseGuards(ApiKeyGuard)
@Controller('v1/orders')
export class OrdersHttpController {
  constructor(
    @Inject(ORDERS_PEER) private readonly orders: OrdersPeer,
    @Inject(TRACKING_PEER) private readonly tracking: TrackingPeer,
  ) {}

  @Post()
  @HttpCode(201)
  @RequireRoles('channel')
  @ApiOperation({ summary: 'Place an order', description: 'Sources and reserves every line, or refuses with 409.' })
  @ApiResponse({ status: 201, description: 'The order was placed with its allocation' })
  @ApiResponse({ status: 200, description: 'The same channel order was placed before; it is returned unchanged' })
  @ApiResponse({ status: 400, description: 'The body is invalid; nothing was stored' })
  @ApiResponse({ status: 409, description: 'A line cannot be reserved; the problem names the lines' })
  async placeOrder(@Body() body: PlaceOrderDto, @Res({ passthrough: true }) res: Response): Promise<ordersV1.Order> {
    const placed = await this.orders.call('placeOrder', {
      channel: body.channel,
      channelOrderId: body.channelOrderId,
      customerEmail: body.customerEmail,
      currency: body.currency,
      deliveryMethod: body.deliveryMethod,
      shipTo: { line2: '', ...body.shipTo },
      lines: body.lines,
    });
    if (!placed.created) res.status(200);
    return placed.order as ordersV1.Order;
  }

  @Get(':id')
  @RequireRoles('channel', 'service', 'readonly')
  @ApiOperation({ summary: 'Get an order' })
  @ApiResponse({ status: 200, description: 'The order' })
  @ApiResponse({ status: 404, description: 'No such order in this tenant' })
  async getOrder(@Param('id', new ParseUUIDPipe()) id: string): Promise<ordersV1.Order> {
    const found = await this.orders.call('getOrder', { orderId: id });
    return found.order as ordersV1.Order;
  }

  @Get(':id/timeline')
  @RequireRoles('channel', 'service', 'readonly')
  @ApiOperation({ summary: "An order's timeline across every service" })
  @ApiResponse({ status: 200, description: 'Every recorded step, oldest first' })
  async getTimeline(@Param('id', new ParseUUIDPipe()) id: string): Promise<trackingV1.GetTimelineResponse> {
    return this.tracking.call('getTimeline', { orderId: id });
  }
}
