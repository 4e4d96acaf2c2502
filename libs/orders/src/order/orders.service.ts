import { Injectable } from '@nestjs/common';
import type { ordersV1 } from '@baton/contracts';
import { ValidationError } from '@baton/domain';
import { PlaceOrderSaga } from '../placement/place-order.saga';
import { SourcingRulesService } from '../rules/sourcing-rules.service';
import { OrderCompletionService } from './order-completion.service';
import { toOrderContract } from './order.mapper';
import { OrdersError } from './orders.errors';
import { OrdersRepository, type OrderAggregate } from './orders.repository';
import { validatePlaceOrder } from './place-order.validation';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Refuses a missing or malformed order id the same way as an unknown one. */
export async function findOrder(repository: OrdersRepository, orderId: string): Promise<OrderAggregate> {
  if (!orderId) throw new ValidationError([{ field: 'orderId', message: 'is required' }]);
  const found = UUID.test(orderId) ? await repository.findById(orderId) : null;
  if (!found) throw new OrdersError('ORDER_NOT_FOUND', `Order ${orderId} does not exist`, { orderId });
  return found;
}

/**
 * Order capture. Keeps two invariants: an order is stored only once every line holds a
 * reservation or is backordered against inbound supply (invalid or unsourceable requests store
 * nothing), and one (tenant, channel, channel order id) is one order however often and however
 * concurrently it is submitted.
 */
@Injectable()
export class OrdersService {
  constructor(
    private readonly repository: OrdersRepository,
    private readonly placement: PlaceOrderSaga,
    private readonly rules: SourcingRulesService,
    private readonly completion: OrderCompletionService,
  ) {}

  async placeOrder(request: ordersV1.PlaceOrderRequest): Promise<ordersV1.PlaceOrderResponse> {
    const command = validatePlaceOrder(request);
    const existing = await this.repository.findByChannelOrderId(command.channel, command.channelOrderId);
    if (existing) return { order: toOrderContract(existing), created: false };
    const outcome = await this.placement.place(command, await this.rules.active());
    return { order: toOrderContract(outcome.placed), created: outcome.created };
  }

  complete(request: ordersV1.CompleteOrderRequest): Promise<ordersV1.CompleteOrderResponse> {
    return this.completion.complete(request);
  }

  async getOrder(orderId: string): Promise<ordersV1.Order> {
    return toOrderContract(await findOrder(this.repository, orderId));
  }
}
