import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EventConsumers } from '@baton/messaging';
import { FulfillmentsService } from '../fulfillment/fulfillments.service';

/** Creates the fulfilment work for every placed order, exactly once per event (the inbox). */
@Injectable()
export class OrderPlacedConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly fulfillments: FulfillmentsService,
  ) {}

  onModuleInit(): void {
    this.consumers.on('orders.order.placed.v1', async (envelope, manager) => {
      await this.fulfillments.createForPlacedOrder(envelope, manager);
    });
  }
}
