import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ordersV1 } from '@baton/contracts';
import { ValidationError } from '@baton/domain';
import { Outbox } from '@baton/messaging';
import { openQuantity } from '../order/order-allocation.entity';
import { OrderChange } from '../order/order-change';
import { toOrderContract } from '../order/order.mapper';
import { OrdersError } from '../order/orders.errors';
import { OrdersRepository, type OrderAggregate } from '../order/orders.repository';
import { findOrder } from '../order/orders.service';
import { Violations } from '../order/violations';
import { FulfillmentClient } from '../peers/fulfillment.client';
import { planCancellation, type CancelRequestLine, type CancellationPlan } from './cancellation-plan';

const BLOCKING: Readonly<Record<string, 'ALREADY_PACKED' | 'ALREADY_SHIPPED'>> = {
  packed: 'ALREADY_PACKED',
  shipped: 'ALREADY_SHIPPED',
  delivered: 'ALREADY_SHIPPED',
  collected: 'ALREADY_SHIPPED',
};

/**
 * Cancellation of a whole order or of some quantities of some lines, until they ship. Asks
 * fulfillment first which parts are already packed (those are refused, and the answer says so);
 * then, under the order's row lock, takes backordered units first and reserved parts after,
 * records the refund (exact in minor units) and emits `orders.order.cancelled.v1` naming exactly
 * the cancelled quantity of each reserved part — inventory releases those units from it, and
 * fulfillment withdraws the work.
 */
@Injectable()
export class CancellationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: OrdersRepository,
    private readonly outbox: Outbox,
    private readonly fulfillment: FulfillmentClient,
  ) {}

  async cancel(request: ordersV1.CancelOrderRequest): Promise<ordersV1.CancelOrderResponse> {
    const found = await findOrder(this.repository, request.orderId);
    const { requested, reason } = this.validate(request, found);
    const work = await this.fulfillment.orderFulfillments(found.order.id);
    const blocked = new Map<string, 'ALREADY_PACKED' | 'ALREADY_SHIPPED'>();
    for (const f of work ?? []) {
      const refusal = BLOCKING[f.status];
      if (refusal) for (const line of f.lines) blocked.set(line.lineId, refusal);
    }
    const { aggregate, plan } = await this.dataSource.transaction(async (manager) => {
      const locked = (await this.repository.lock(manager, found.order.id)) as OrderAggregate;
      const planned = planCancellation(locked.lines, locked.allocations, requested, blocked);
      if (planned.cancellations.length === 0) {
        throw new OrdersError('NOT_CANCELLABLE', 'Nothing of what was asked can be cancelled any more', {
          orderId: locked.order.id,
          status: locked.order.status,
          refused: planned.refused,
        });
      }
      const change = new OrderChange(locked, { reason: `cancelled: ${reason}` });
      this.apply(change, planned, reason);
      await this.repository.save(manager, locked, { history: change.history });
      await this.outbox.append(manager, ...change.events);
      return { aggregate: locked, plan: planned };
    });
    this.outbox.notify();
    return {
      order: toOrderContract(aggregate),
      cancelled: plan.cancellations.flatMap((c) => {
        const parts = [
          ...(c.fromBackorder > 0 ? [{ allocationId: '', locationId: '', quantity: c.fromBackorder }] : []),
          ...c.fromParts.map((p) => ({
            allocationId: p.allocationId,
            locationId: aggregate.allocations.find((a) => a.id === p.allocationId)?.locationId ?? '',
            quantity: p.quantity,
          })),
        ];
        return parts.map((part, i) => ({ lineId: c.lineId, ...part, refundMinor: i === 0 ? c.refundMinor : 0 }));
      }),
      refused: plan.refused,
      refundMinor: plan.refundMinor,
      fulfillmentConsulted: work !== undefined,
    };
  }

  private apply(change: OrderChange, plan: CancellationPlan, reason: string): void {
    const { order, lines, allocations } = change.aggregate;
    const released: Array<{ lineId: string; orderLineId: string; sku: string; quantity: number; locationId: string }> = [];
    for (const c of plan.cancellations) {
      const line = lines.find((l) => l.id === c.lineId);
      if (!line) continue;
      line.backorderedQuantity -= c.fromBackorder;
      for (const part of c.fromParts) {
        const allocation = allocations.find((a) => a.id === part.allocationId);
        if (!allocation) continue;
        allocation.releasedQuantity += part.quantity;
        allocation.updatedAt = new Date();
        if (openQuantity(allocation) === 0 && allocation.shippedQuantity === 0 && allocation.completedQuantity === 0) allocation.status = 'cancelled';
        released.push({ lineId: allocation.id, orderLineId: line.id, sku: line.sku, quantity: part.quantity, locationId: allocation.locationId });
      }
      line.cancelledQuantity += c.fromBackorder + c.fromParts.reduce((sum, p) => sum + p.quantity, 0);
    }
    order.refundedMinor += plan.refundMinor;
    change.settle();
    change.emit('orders.order.cancelled.v1', {
      orderId: order.id,
      wholeOrder: lines.every((l) => l.status === 'cancelled'),
      reason,
      lines: released,
      refundMinor: plan.refundMinor,
      currency: order.currency,
    });
  }

  private validate(request: ordersV1.CancelOrderRequest, found: OrderAggregate): { requested: CancelRequestLine[] | 'all'; reason: string } {
    const v = new Violations();
    const reason = v.text('reason', request.reason, 500);
    const seen = new Set<string>();
    (request.lines ?? []).forEach((line, i) => {
      const known = found.lines.find((l) => l.id === line.lineId);
      if (!known) v.add(`lines[${i}].lineId`, 'is not a line of this order');
      else if (line.quantity > known.quantity - known.cancelledQuantity) {
        v.add(`lines[${i}].quantity`, `must be at most ${known.quantity - known.cancelledQuantity} (what is not cancelled yet)`);
      }
      if (seen.has(line.lineId)) v.add(`lines[${i}].lineId`, 'is listed twice');
      seen.add(line.lineId);
      v.integer(`lines[${i}].quantity`, line.quantity, 0, 1_000_000);
    });
    if (v.list.length > 0) throw new ValidationError(v.list, 'The cancellation is invalid');
    return { requested: (request.lines ?? []).length === 0 ? 'all' : request.lines.map((l) => ({ lineId: l.lineId, quantity: l.quantity })), reason };
  }
}
