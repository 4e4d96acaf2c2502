import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { trackingV1 } from '@baton/contracts';
import { RequireRoles } from '../auth/roles';
import { TRACKING_PEER, type TrackingPeer } from '../grpc-peers';
import { type Page, pageSize } from '../limits/pagination';
import { SearchOrdersQueryDto } from './tracking-requests.dto';
import { TrackingScope } from './tracking-scope';
import { OrderSearchPageView } from './views/order-search.view';

/** Customer-service look-up: orders by id, channel order id, email, phone or tracking number. */
@ApiTags('tracking')
@ApiBearerAuth()
@Controller('v1/search/orders')
export class OrderSearchHttpController {
  constructor(
    @Inject(TRACKING_PEER) private readonly tracking: TrackingPeer,
    private readonly scope: TrackingScope,
  ) {}

  @Get()
  @RequireRoles('service', 'channel', 'readonly', 'partner', 'store')
  @ApiOperation({
    summary: 'Find orders',
    description:
      'By exactly one of orderId, channelOrderId, email (any case), phone (any spacing) or trackingNumber; each with its current ' +
      'status. Most recently active first; a partner key finds only orders touching its locations.',
  })
  @ApiResponse({ status: 200, type: OrderSearchPageView, description: 'One page of matching orders' })
  @ApiResponse({ status: 400, description: 'No criterion or several, or an invalid one' })
  @ApiResponse({ status: 503, description: 'The tracking service did not answer' })
  async search(@Query() query: SearchOrdersQueryDto): Promise<Page<trackingV1.OrderSummary>> {
    const found = await this.tracking.call('searchOrders', {
      orderId: query.orderId ?? '',
      channelOrderId: query.channelOrderId ?? '',
      email: query.email ?? '',
      phone: query.phone ?? '',
      trackingNumber: query.trackingNumber ?? '',
      limit: pageSize(query),
      pageToken: query.cursor ?? '',
      scope: await this.scope.current(),
    });
    return { items: found.orders, nextCursor: found.nextPageToken || null };
  }
}
