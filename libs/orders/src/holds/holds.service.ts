import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ordersV1 } from '@baton/contracts';
import { Outbox } from '@baton/messaging';
import { currentContext, requireTenant } from '@baton/platform';
import { OrderChange } from '../order/order-change';
import { placedEventData } from '../order/order-events';
import { OrderHoldEntity } from '../order/order-hold.entity';
import { assertOrderTransition } from '../order/order-state-machine';
import { toHold, toOrderContract } from '../order/order.mapper';
import { OrdersError } from '../order/orders.errors';
import { OrdersRepository, type OrderAggregate } from '../order/orders.repository';
import { findOrder } from '../order/orders.service';
import { Violations } from '../order/violations';
import { ValidationError } from '@baton/domain';

/**
 * Holds: a person's (with a reason) or a rule's (placed at capture). While a hold is open the
 * order is `on_hold` and nothing new of it is announced to fulfillment; releasing every open hold
 * resumes the flow from where the order stands — an order held at capture is announced
 * (`orders.order.placed.v1`) only then. Every hold and release is in the order's history and
 * emits `orders.order.held.v1` / `orders.order.released.v1`.
 */
@Injectable()
export class HoldsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: OrdersRepository,
    private readonly outbox: Outbox,
  ) {}

  async hold(request: ordersV1.HoldOrderRequest): Promise<ordersV1.HoldOrderResponse> {
    const v = new Violations();
    const reason = v.text('reason', request.reason, 500);
    if (v.list.length > 0) throw new ValidationError(v.list);
    const found = await findOrder(this.repository, request.orderId);
    const { aggregate, hold } = await this.change(found.order.id, `put on hold: ${reason}`, (change) => {
      const { order } = change.aggregate;
      if (order.status !== 'on_hold') assertOrderTransition(order.status, 'on_hold');
      const hold = Object.assign(new OrderHoldEntity(), {
        id: randomUUID(),
        tenantId: requireTenant(),
        orderId: order.id,
        kind: 'manual' as const,
        code: 'MANUAL' as const,
        reason,
        previousStatus: order.status,
        placedBy: currentContext()?.principal ?? null,
        placedAt: new Date(),
        releasedBy: null,
        releasedAt: null,
        releaseNote: null,
      });
      change.aggregate.holds.push(hold);
      change.settle();
      change.emit('orders.order.held.v1', {
        orderId: order.id,
        holdId: hold.id,
        kind: hold.kind,
        code: hold.code,
        reason,
        previousStatus: hold.previousStatus,
      });
      return { newHolds: [hold], result: hold };
    });
    return { order: toOrderContract(aggregate), hold: toHold(hold) };
  }

  async release(request: ordersV1.ReleaseOrderRequest): Promise<ordersV1.ReleaseOrderResponse> {
    const note = (request.note ?? '').trim();
    if (note.length > 500) throw new ValidationError([{ field: 'note', message: 'must be at most 500 characters' }]);
    const found = await findOrder(this.repository, request.orderId);
    const { aggregate, hold: released } = await this.change(found.order.id, `released${note ? `: ${note}` : ''}`, (change) => {
      const { order, holds } = change.aggregate;
      const open = holds.filter((h) => h.releasedAt === null);
      if (open.length === 0) throw new OrdersError('NOT_ON_HOLD', `Order ${order.id} has no open hold`, { orderId: order.id, status: order.status });
      const now = new Date();
      for (const hold of open) Object.assign(hold, { releasedAt: now, releasedBy: currentContext()?.principal ?? null, releaseNote: note || null });
      change.settle();
      if (!order.announced) {
        order.announced = true;
        change.emit('orders.order.placed.v1', placedEventData(change.aggregate));
      }
      change.emit('orders.order.released.v1', { orderId: order.id, holdIds: open.map((h) => h.id), status: order.status, note });
      return { newHolds: [], result: open };
    });
    return { order: toOrderContract(aggregate), released: released.map(toHold) };
  }

  /** Runs one change of an order under its row lock, saving it with its history and events. */
  private async change<T>(
    orderId: string,
    reason: string,
    mutate: (change: OrderChange) => { newHolds: OrderHoldEntity[]; result: T },
  ): Promise<{ aggregate: OrderAggregate; hold: T }> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const aggregate = (await this.repository.lock(manager, orderId)) as OrderAggregate;
      const change = new OrderChange(aggregate, { reason });
      const { newHolds, result } = mutate(change);
      await this.repository.save(manager, aggregate, { history: change.history, newHolds });
      await this.outbox.append(manager, ...change.events);
      return { aggregate, hold: result };
    });
    this.outbox.notify();
    return outcome;
  }
}
