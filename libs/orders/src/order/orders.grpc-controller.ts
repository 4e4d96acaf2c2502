import { Controller } from '@nestjs/common';
import { ordersV1 } from '@baton/contracts';
import { CancellationService } from '../cancellation/cancellation.service';
import { HoldsService } from '../holds/holds.service';
import { DeliveryPromiseService } from '../promise/delivery-promise.service';
import { SourcingRulesService } from '../rules/sourcing-rules.service';
import { OrderQueriesService } from './order-queries.service';
import { OrdersService } from './orders.service';

/** The orders gRPC surface; maps requests to the services and nothing else. */
@Controller()
@ordersV1.OrdersServiceControllerMethods()
export class OrdersGrpcController implements ordersV1.OrdersServiceController {
  constructor(
    private readonly orders: OrdersService,
    private readonly queries: OrderQueriesService,
    private readonly cancellations: CancellationService,
    private readonly holds: HoldsService,
    private readonly promises: DeliveryPromiseService,
    private readonly rules: SourcingRulesService,
  ) {}

  placeOrder(request: ordersV1.PlaceOrderRequest): Promise<ordersV1.PlaceOrderResponse> {
    return this.orders.placeOrder(request);
  }

  async getOrder(request: ordersV1.GetOrderRequest): Promise<ordersV1.GetOrderResponse> {
    return { order: await this.orders.getOrder(request.orderId) };
  }

  listOrders(request: ordersV1.ListOrdersRequest): Promise<ordersV1.ListOrdersResponse> {
    return this.queries.list(request);
  }

  cancelOrder(request: ordersV1.CancelOrderRequest): Promise<ordersV1.CancelOrderResponse> {
    return this.cancellations.cancel(request);
  }

  holdOrder(request: ordersV1.HoldOrderRequest): Promise<ordersV1.HoldOrderResponse> {
    return this.holds.hold(request);
  }

  releaseOrder(request: ordersV1.ReleaseOrderRequest): Promise<ordersV1.ReleaseOrderResponse> {
    return this.holds.release(request);
  }

  completeOrder(request: ordersV1.CompleteOrderRequest): Promise<ordersV1.CompleteOrderResponse> {
    return this.orders.complete(request);
  }

  getOrderHistory(request: ordersV1.GetOrderHistoryRequest): Promise<ordersV1.GetOrderHistoryResponse> {
    return this.queries.history(request.orderId);
  }

  getSourcingExplanation(request: ordersV1.GetSourcingExplanationRequest): Promise<ordersV1.GetSourcingExplanationResponse> {
    return this.queries.explanation(request.orderId);
  }

  promiseDelivery(request: ordersV1.PromiseDeliveryRequest): Promise<ordersV1.PromiseDeliveryResponse> {
    return this.promises.promise(request);
  }

  getSourcingRules(request: ordersV1.GetSourcingRulesRequest): Promise<ordersV1.GetSourcingRulesResponse> {
    return this.rules.get(request);
  }

  listSourcingRules(): Promise<ordersV1.ListSourcingRulesResponse> {
    return this.rules.list();
  }

  saveSourcingRulesDraft(request: ordersV1.SaveSourcingRulesDraftRequest): Promise<ordersV1.SaveSourcingRulesDraftResponse> {
    return this.rules.saveDraft(request);
  }

  activateSourcingRules(request: ordersV1.ActivateSourcingRulesRequest): Promise<ordersV1.ActivateSourcingRulesResponse> {
    return this.rules.activate(request);
  }
}
