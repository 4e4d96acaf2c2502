import { Controller, Get, Headers, Inject, Param, ParseUUIDPipe, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { trackingV1 } from '@baton/contracts';
import { RequireRoles } from '../auth/roles';
import { TRACKING_PEER, type TrackingPeer } from '../grpc-peers';
import { TimelineStream } from './timeline-stream.service';
import { TrackingScope } from './tracking-scope';
import { OrderStatusView } from './views/order-status.view';
import { OrderTimelineView } from './views/order-timeline.view';

const ORDER_ID = { name: 'id', format: 'uuid', example: '7c9e6679-7425-40de-944b-e07fc1f90ae7', description: 'Order id' };
const READERS = ['channel', 'service', 'readonly', 'partner', 'store'] as const;

const SSE_EXAMPLE =
  'retry: 3000\n\nid: a3e4c1d2-6b5f-4e7a-8c9d-0f1e2d3c4b5a\nevent: step\ndata: {"eventId":"a3e4c1d2-6b5f-4e7a-8c9d-0f1e2d3c4b5a",' +
  '"type":"fulfillment.fulfillment.shipped.v1","service":"fulfillment","occurredAt":"2026-11-02T15:00:00.000Z"}\n\n' +
  'event: status\ndata: {"orderId":"7c9e6679-7425-40de-944b-e07fc1f90ae7","status":"shipped"}\n\n';

/**
 * Where one order stands: its timeline, its customer-facing status, and the live stream of its
 * steps. Thin: forwards to tracking with the caller's tenant and (for partner keys) locations; an
 * order the caller may not see answers 404 like one that does not exist.
 */
@ApiTags('tracking')
@ApiBearerAuth()
@Controller('v1/orders')
export class OrderTrackingHttpController {
  constructor(
    @Inject(TRACKING_PEER) private readonly tracking: TrackingPeer,
    private readonly scope: TrackingScope,
    private readonly stream: TimelineStream,
  ) {}

  @Get(':id/timeline')
  @RequireRoles(...READERS)
  @ApiOperation({
    summary: "An order's timeline across every service and carrier",
    description: 'Every recorded step, oldest first: what, when, where (location, carrier scan place), which service and who.',
  })
  @ApiParam(ORDER_ID)
  @ApiResponse({ status: 200, type: OrderTimelineView, description: 'Every recorded step, oldest first' })
  @ApiResponse({ status: 404, description: 'No step of such an order recorded in this tenant (or not at the partner’s locations)' })
  @ApiResponse({ status: 503, description: 'The tracking service did not answer' })
  async getTimeline(@Param('id', new ParseUUIDPipe()) id: string): Promise<trackingV1.GetTimelineResponse> {
    return this.tracking.call('getTimeline', { orderId: id, scope: await this.scope.current() });
  }

  @Get(':id/status')
  @RequireRoles(...READERS)
  @ApiOperation({
    summary: "An order's customer-facing status",
    description:
      'received, processing, partially_shipped, shipped, out_for_delivery, ready_for_pickup, delivered, collected, delayed, returned, ' +
      'refunded or cancelled — for the order and each line — with the promised date, whether it is at risk, parcels with their ' +
      'scans, pickups, returns and refunds.',
  })
  @ApiParam(ORDER_ID)
  @ApiResponse({ status: 200, type: OrderStatusView, description: 'The order’s status' })
  @ApiResponse({ status: 404, description: 'No such order tracked in this tenant (or not at the partner’s locations)' })
  @ApiResponse({ status: 503, description: 'The tracking service did not answer' })
  async getStatus(@Param('id', new ParseUUIDPipe()) id: string): Promise<trackingV1.OrderStatus> {
    const { order } = await this.tracking.call('getOrderStatus', { orderId: id, scope: await this.scope.current() });
    return order as trackingV1.OrderStatus;
  }

  @Get(':id/events')
  @RequireRoles(...READERS)
  @ApiOperation({
    summary: "Live steps of an order's timeline (Server-Sent Events)",
    description:
      'text/event-stream: the steps recorded so far, then each new one as it happens (`event: step`, id = event id), and ' +
      '`event: status` whenever the customer-facing status changes. Reconnect with Last-Event-ID to resume after a step.',
  })
  @ApiParam(ORDER_ID)
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'Resume after this step', example: 'a3e4c1d2-6b5f-4e7a-8c9d-0f1e2d3c4b5a' })
  @ApiProduces('text/event-stream')
  @ApiResponse({
    status: 200,
    description: 'An event stream that stays open',
    content: { 'text/event-stream': { schema: { type: 'string' }, example: SSE_EXAMPLE } },
  })
  async streamEvents(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Headers('last-event-id') lastEventId: string | undefined,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.stream.stream(id, lastEventId || undefined, await this.scope.current(), request, response);
  }
}
