import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { trackingV1 } from '@baton/contracts';
import { OrderSearchService } from '../lookup/order-search.service';
import { OrderStatusService } from '../status/order-status.service';
import { OrderViewsService } from '../status/order-views.service';
import { TimelineService } from './timeline.service';

const SERVICE = trackingV1.TRACKING_SERVICE_NAME;

type Queries = Pick<
  trackingV1.TrackingServiceController,
  'getTimeline' | 'watchTimeline' | 'getOrderStatus' | 'searchOrders' | 'trackShipment'
>;

/** The read side of the tracking gRPC surface; maps requests to the services and nothing else. */
@Controller()
export class TimelineGrpcController implements Queries {
  constructor(
    private readonly timeline: TimelineService,
    private readonly status: OrderStatusService,
    private readonly search: OrderSearchService,
  ) {}

  @GrpcMethod(SERVICE, 'getTimeline')
  getTimeline(request: trackingV1.GetTimelineRequest): Promise<trackingV1.GetTimelineResponse> {
    return this.timeline.getTimeline(request.orderId, OrderViewsService.filterOf(request.scope));
  }

  @GrpcMethod(SERVICE, 'watchTimeline')
  watchTimeline(request: trackingV1.WatchTimelineRequest): Promise<trackingV1.WatchTimelineResponse> {
    return this.timeline.watchTimeline(request.orderId, request.knownEntries, request.waitMs, OrderViewsService.filterOf(request.scope));
  }

  @GrpcMethod(SERVICE, 'getOrderStatus')
  getOrderStatus(request: trackingV1.GetOrderStatusRequest): Promise<trackingV1.GetOrderStatusResponse> {
    return this.status.getOrderStatus(request.orderId, OrderViewsService.filterOf(request.scope));
  }

  @GrpcMethod(SERVICE, 'searchOrders')
  searchOrders(request: trackingV1.SearchOrdersRequest): Promise<trackingV1.SearchOrdersResponse> {
    return this.search.searchOrders(request);
  }

  @GrpcMethod(SERVICE, 'trackShipment')
  trackShipment(request: trackingV1.TrackShipmentRequest): Promise<trackingV1.TrackShipmentResponse> {
    return this.status.trackShipment(request.trackingNumber);
  }
}
