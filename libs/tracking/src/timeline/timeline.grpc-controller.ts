import { Controller } from '@nestjs/common';
import { trackingV1 } from '@baton/contracts';
import { TimelineService } from './timeline.service';

/** The tracking gRPC surface; maps requests to the service and nothing else. */
@Controller()
@trackingV1.TrackingServiceControllerMethods()
export class TimelineGrpcController implements trackingV1.TrackingServiceController {
  constructor(private readonly timeline: TimelineService) {}

  getTimeline(request: trackingV1.GetTimelineRequest): Promise<trackingV1.GetTimelineResponse> {
    return this.timeline.getTimeline(request.orderId);
  }
}
