import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EventConsumers } from '@baton/messaging';
import { FulfillmentIntakeService } from '../fulfillment/fulfillment-intake.service';
import { OrderCancellationService } from '../fulfillment/order-cancellation.service';

/**
 * Order events fulfillment acts on, each exactly once (the inbox): a placed order — or lines sourced
 * later (re-sourced, backorder filled, released from hold) — becomes work at locations; a
 * cancellation withdraws the work not yet shipped.
 */
@Injectable()
export class OrderEventsConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly intake: FulfillmentIntakeService,
    private readonly cancellations: OrderCancellationService,
  ) {}

  onModuleInit(): void {
    this.consumers.on('orders.order.placed.v1', async (envelope, manager) => {
      await this.intake.createForPlacedOrder(envelope, manager);
    });
    this.consumers.on('orders.order.sourced.v1', async (envelope, manager) => {
      await this.intake.createForPlacedOrder(envelope, manager);
    });
    this.consumers.on('orders.order.cancelled.v1', async (envelope, manager) => {
      await this.cancellations.withdraw(envelope, manager);
    });
  }
}
