import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EventConsumers } from '@baton/messaging';
import { FulfilmentStockService } from '../reservation/fulfilment-stock.service';

/**
 * Inventory's subscriptions: the events of other services that move reserved stock. Each runs in
 * its inbox transaction, so a redelivered event has no second effect.
 */
@Injectable()
export class StockEventConsumers implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly fulfilmentStock: FulfilmentStockService,
  ) {}

  onModuleInit(): void {
    this.consumers.on('orders.order.cancelled.v1', (envelope, manager) =>
      this.fulfilmentStock.releaseCancelled(manager, envelope),
    );
    this.consumers.on('fulfillment.fulfillment.shipped.v1', (envelope, manager) =>
      this.fulfilmentStock.consumeHandedOver(manager, envelope, 'ship'),
    );
    this.consumers.on('fulfillment.fulfillment.collected.v1', (envelope, manager) =>
      this.fulfilmentStock.consumeHandedOver(manager, envelope, 'pick'),
    );
    this.consumers.on('fulfillment.fulfillment.rejected.v1', (envelope, manager) =>
      this.fulfilmentStock.releaseRejected(manager, envelope),
    );
    this.consumers.on('fulfillment.fulfillment.expired.v1', (envelope, manager) =>
      this.fulfilmentStock.releaseExpiredPickup(manager, envelope),
    );
  }
}
