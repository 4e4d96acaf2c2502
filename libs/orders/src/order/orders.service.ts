import { Injectable } from '@nestjs/common';
import type { ordersV1 } from '@baton/contracts';
import { ValidationError } from '@baton/domain';
import { PlaceOrderSaga } from '../placement/place-order.saga';
import { toOrderContract } from './order.mapper';
import { OrdersError } from './orders.errors';
import { OrdersRepository } from './orders.repository';
import { validatePlaceOrder } from './place-order.validation';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Order capture. Keeps two invariants: an order is stored only once every line holds a
 * reservation (invalid or unsourceable requests store nothing), and one (tenant, channel,
 * channel order id) is one order however often and however concurrently it is submitted.
 */
@Injectable()
export class OrdersService {
  constructor(
    private readonly repository: OrdersRepository,
    private readonly placement: PlaceOrderSaga,
  ) {}

  async placeOrder(request: ordersV1.PlaceOrderRequest): Promise<ordersV1.PlaceOrderResponse> {
    const command = validatePlaceOrder(request);
    const existing = await this.repository.findByChannelOrderId(command.channel, command.channelOrderId);
    if (existing) return { order: toOrderContract(existing), created: false };
    const outcome = await this.placement.place(command);
    return { order: toOrderContract(outcome.placed), created: outcome.created };
  }

  async getOrder(orderId: string): Promise<ordersV1.Order> {
    if (!orderId) throw new ValidationError([{ field: 'orderId', message: 'is required' }]);
    const found = UUID.test(orderId) ? await this.repository.findById(orderId) : null;
    if (!found) throw new OrdersError('ORDER_NOT_FOUND', `Order ${orderId} does not exist`, { orderId });
    return toOrderContract(found);
  }
}
