import { Controller } from '@nestjs/common';
import { fulfillmentV1 } from '@baton/contracts';
import { FulfillmentsService } from './fulfillments.service';

/** The fulfillment gRPC surface; maps requests to the service and nothing else. */
@Controller()
@fulfillmentV1.FulfillmentServiceControllerMethods()
export class FulfillmentsGrpcController implements fulfillmentV1.FulfillmentServiceController {
  constructor(private readonly fulfillments: FulfillmentsService) {}

  async listOrderFulfillments(
    request: fulfillmentV1.ListOrderFulfillmentsRequest,
  ): Promise<fulfillmentV1.ListOrderFulfillmentsResponse> {
    return { fulfillments: await this.fulfillments.listOrderFulfillments(request.orderId) };
  }
}
