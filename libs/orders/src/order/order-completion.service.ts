import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ordersV1 } from '@baton/contracts';
import { Outbox } from '@baton/messaging';
import { OrderChange } from './order-change';
import { assertOrderTransition } from './order-state-machine';
import { toOrderContract } from './order.mapper';
import { OrdersRepository, type OrderAggregate } from './orders.repository';
import { findOrder } from './orders.service';

/**
 * Closes an order that has been delivered or collected (for instance when its return window
 * ends): the order and its finished lines become `completed`. Refused, with the state machine's
 * reason, for an order that is not there yet.
 */
@Injectable()
export class OrderCompletionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: OrdersRepository,
    private readonly outbox: Outbox,
  ) {}

  async complete(request: ordersV1.CompleteOrderRequest): Promise<ordersV1.CompleteOrderResponse> {
    const found = await findOrder(this.repository, request.orderId);
    const aggregate = await this.dataSource.transaction(async (manager) => {
      const locked = (await this.repository.lock(manager, found.order.id)) as OrderAggregate;
      assertOrderTransition(locked.order.status, 'completed');
      const change = new OrderChange(locked, { reason: 'closed' });
      change.settle({ complete: true });
      await this.repository.save(manager, locked, { history: change.history });
      await this.outbox.append(manager, ...change.events);
      return locked;
    });
    this.outbox.notify();
    return { order: toOrderContract(aggregate) };
  }
}
