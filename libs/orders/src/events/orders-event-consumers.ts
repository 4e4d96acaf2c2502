import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EventConsumers } from '@baton/messaging';
import { FulfilmentProgressService } from '../progress/fulfilment-progress.service';
import { ReservationConfirmations } from '../resourcing/reservation-confirmations.service';
import { ResourcingService } from '../resourcing/resourcing.service';

/**
 * The events orders reacts to, each handled once (the inbox): fulfilment progress moves lines,
 * a rejection, a short pick, an expired reservation or an uncollected pickup re-sources, and its
 * own `orders.order.sourced.v1` confirms the reservations of re-sourced parts after they commit,
 * and new supply (an inbound receipt, a stock change adding ATP) retries backordered lines.
 */
@Injectable()
export class OrdersEventConsumers implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly progress: FulfilmentProgressService,
    private readonly resourcing: ResourcingService,
    private readonly confirmations: ReservationConfirmations,
  ) {}

  onModuleInit(): void {
    const on = this.consumers;
    on.on('fulfillment.fulfillment.created.v1', (e, m) => this.progress.created(e, m));
    on.on('fulfillment.fulfillment.shipped.v1', (e, m) => this.progress.shipped(e, m));
    on.on('fulfillment.fulfillment.ready-for-pickup.v1', (e, m) => this.progress.readyForPickup(e, m));
    on.on('fulfillment.fulfillment.collected.v1', (e, m) => this.progress.collected(e, m));
    on.on('fulfillment.fulfillment.delivered.v1', (e, m) => this.progress.delivered(e, m));
    on.on('fulfillment.fulfillment.rejected.v1', (e, m) =>
      this.resourcing.resource(e, m, {
        orderId: e.data.orderId,
        lines: e.data.lines.map((line) => ({ ...line, locationId: line.locationId ?? e.data.locationId })),
        failedLocationId: e.data.locationId,
        reason: `${e.data.shortPick ? 'short-picked' : 'rejected'} at ${e.data.locationId}: ${e.data.reason}`,
      }),
    );
    on.on('fulfillment.fulfillment.expired.v1', (e, m) =>
      this.resourcing.resource(e, m, {
        orderId: e.data.orderId,
        lines: e.data.lines,
        reason: `not collected in time at ${e.data.locationId}`,
        policy: e.data.policy ?? 'cancel',
      }),
    );
    on.on('inventory.reservation.expired.v1', (e, m) =>
      this.resourcing.resource(e, m, {
        orderId: e.data.orderId,
        lines: [{ lineId: e.data.lineId, sku: e.data.sku, quantity: e.data.quantity, locationId: e.data.locationId }],
        reason: `reservation ${e.data.reservationId} expired before it was confirmed`,
      }),
    );
    on.on('inventory.inbound.received.v1', (e, m) => this.resourcing.retryBackorders(e, m, [...new Set(e.data.lines.map((l) => l.sku))]));
    on.on('inventory.stock.changed.v1', (e, m) =>
      (e.data.availableDelta ?? e.data.quantity) > 0 ? this.resourcing.retryBackorders(e, m, [e.data.sku]) : Promise.resolve(),
    );
    on.on('orders.order.sourced.v1', (e) => this.confirmations.confirm(e));
  }
}
