import { Controller } from '@nestjs/common';
import { ordersV1 } from '@baton/contracts';
import { OrdersService } from './orders.service';

/** The orders gRPC surface; maps requests to the service and nothing else. */
@Controller()
@ordersV1.OrdersServiceControllerMethods()
export class OrdersGrpcController implements ordersV1.OrdersServiceController {
  constructor(private readonly orders: OrdersService) {}

  placeOrder(request: ordersV1.PlaceOrderRequest): Promise<ordersV1.PlaceOrderResponse> {
    return this.orders.placeOrder(request);
  }

  async getOrder(request: ordersV1.GetOrderRequest): Promise<ordersV1.GetOrderResponse> {
    return { order: await this.orders.getOrder(request.orderId) };
  }
}
