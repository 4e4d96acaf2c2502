import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope, LineQuantityData } from '@baton/domain';
import type { OrderAllocationEntity } from '../order/order-allocation.entity';
import type { OrderChange } from '../order/order-change';
import type { OrderLineEntity } from '../order/order-line.entity';
import { OrderUnitOfWork } from '../order/order-unit-of-work';

type Part = { allocation: OrderAllocationEntity; line: OrderLineEntity; quantity: number };

/** The reserved parts an event's lines name: by part id, else by order line and location. */
function partsOf(change: OrderChange, lines: readonly LineQuantityData[], locationId: string): Part[] {
  const { allocations, lines: orderLines } = change.aggregate;
  return lines.flatMap((entry) => {
    const allocation =
      allocations.find((a) => a.id === entry.lineId) ??
      allocations.find((a) => a.lineId === entry.lineId && a.locationId === (entry.locationId ?? locationId));
    const line = allocation && orderLines.find((l) => l.id === allocation.lineId);
    return allocation && line ? [{ allocation, line, quantity: entry.quantity }] : [];
  });
}

/** A ship-to-store order's transfer leg moves goods to the store; the customer's line only moves at the pickup leg. */
function isStoreTransferLeg(data: { legType?: string }, line: OrderLineEntity): boolean {
  return data.legType === 'transfer' && line.deliveryMethod === 'ship_to_store';
}

/**
 * Line progress from fulfilment events: shipped, ready for pickup, collected, delivered. Each event
 * adds exactly its quantities to the parts it names (never beyond what a part holds), the line and
 * order statuses follow from the quantities through the state machines, and every change is in the
 * history with the event as its cause. Runs in the event's inbox transaction: once per event.
 */
@Injectable()
export class FulfilmentProgressService {
  constructor(private readonly work: OrderUnitOfWork) {}

  async created(envelope: EventEnvelope<'fulfillment.fulfillment.created.v1'>, manager: EntityManager): Promise<void> {
    const { data } = envelope;
    await this.work.apply(manager, envelope, data.orderId, `fulfilment ${data.fulfillmentId} created at ${data.locationId}`, (change) => {
      for (const line of data.lines) {
        const allocation = change.aggregate.allocations.find((a) => a.id === line.lineId);
        if (allocation && (data.legType !== 'transfer' || !allocation.fulfillmentId)) allocation.fulfillmentId = data.fulfillmentId;
      }
    });
  }

  async shipped(envelope: EventEnvelope<'fulfillment.fulfillment.shipped.v1'>, manager: EntityManager): Promise<void> {
    const { data } = envelope;
    await this.work.apply(manager, envelope, data.orderId, `shipped from ${data.locationId}`, (change) => {
      for (const { allocation, line, quantity } of partsOf(change, data.lines, data.locationId)) {
        if (isStoreTransferLeg(data, line)) continue;
        const take = Math.min(quantity, allocation.quantity - allocation.releasedQuantity - allocation.shippedQuantity);
        if (take <= 0) continue;
        allocation.shippedQuantity += take;
        allocation.status = 'shipped';
        allocation.updatedAt = new Date();
        line.shippedQuantity += take;
      }
      change.settle();
    });
    this.work.notify();
  }

  async readyForPickup(envelope: EventEnvelope<'fulfillment.fulfillment.ready-for-pickup.v1'>, manager: EntityManager): Promise<void> {
    const { data } = envelope;
    await this.work.apply(manager, envelope, data.orderId, `ready for pickup at ${data.locationId}`, (change) => {
      for (const { allocation, line, quantity } of partsOf(change, data.lines, data.locationId)) {
        const take = Math.min(quantity, allocation.quantity - allocation.releasedQuantity - allocation.readyQuantity);
        if (take <= 0) continue;
        allocation.readyQuantity += take;
        allocation.status = 'ready';
        allocation.updatedAt = new Date();
        line.readyQuantity += take;
      }
      change.settle();
    });
    this.work.notify();
  }

  async collected(envelope: EventEnvelope<'fulfillment.fulfillment.collected.v1'>, manager: EntityManager): Promise<void> {
    const { data } = envelope;
    await this.work.apply(manager, envelope, data.orderId, `collected at ${data.locationId}`, (change) => {
      for (const { allocation, line, quantity } of partsOf(change, data.lines, data.locationId)) {
        const take = Math.min(quantity, allocation.quantity - allocation.releasedQuantity - allocation.completedQuantity);
        if (take <= 0) continue;
        allocation.completedQuantity += take;
        allocation.status = 'collected';
        allocation.updatedAt = new Date();
        line.deliveredQuantity += take;
      }
      change.settle();
    });
    this.work.notify();
  }

  async delivered(envelope: EventEnvelope<'fulfillment.fulfillment.delivered.v1'>, manager: EntityManager): Promise<void> {
    const { data } = envelope;
    await this.work.apply(manager, envelope, data.orderId, `delivered (fulfilment ${data.fulfillmentId})`, (change) => {
      const named = data.lines
        ? partsOf(change, data.lines, data.locationId)
        : change.aggregate.allocations
            .filter((a) => a.fulfillmentId === data.fulfillmentId)
            .flatMap((allocation) => {
              const line = change.aggregate.lines.find((l) => l.id === allocation.lineId);
              return line ? [{ allocation, line, quantity: allocation.shippedQuantity - allocation.completedQuantity }] : [];
            });
      for (const { allocation, line, quantity } of named) {
        if (isStoreTransferLeg(data, line)) continue;
        const take = Math.min(quantity, allocation.shippedQuantity - allocation.completedQuantity);
        if (take <= 0) continue;
        allocation.completedQuantity += take;
        allocation.status = 'delivered';
        allocation.updatedAt = new Date();
        line.deliveredQuantity += take;
      }
      change.settle();
    });
    this.work.notify();
  }
}
