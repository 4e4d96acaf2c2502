import type { EventEnvelope, EventMap, EventType } from '@baton/domain';
import { createEvent } from '@baton/messaging';
import { correlationId, currentContext, requireTenant } from '@baton/platform';
import { assertOrderLineTransition, assertOrderTransition, type OrderStatus } from './order-state-machine';
import { OrderStatusChangeEntity } from './order-status-change.entity';
import { customerStatus, deriveLineStatus, deriveOrderStatus } from './order-status';
import type { OrderAggregate } from './orders.repository';

/** Why an order changes: the reason kept in its history, and the event that caused it, if one did. */
export interface ChangeCause {
  reason: string;
  causeEventId?: string | null;
  causeEventType?: string | null;
}

/**
 * One change of one order: collects the history entries and the events it produces while the
 * services mutate the aggregate's quantities, holds and allocations. {@link settle} re-derives
 * every line's status and the order's from what changed, refuses a transition the state machines
 * do not allow (the whole change then rolls back), records each transition with who, when, why
 * and from which event, and announces the order's new status.
 */
export class OrderChange {
  readonly history: OrderStatusChangeEntity[] = [];
  readonly events: EventEnvelope[] = [];
  private readonly at = new Date();

  constructor(
    readonly aggregate: OrderAggregate,
    readonly cause: ChangeCause,
  ) {}

  get orderId(): string {
    return this.aggregate.order.id;
  }

  record(lineId: string | null, from: string | null, to: string, reason = this.cause.reason): void {
    this.history.push(
      Object.assign(new OrderStatusChangeEntity(), {
        tenantId: requireTenant(),
        orderId: this.orderId,
        lineId,
        fromStatus: from,
        toStatus: to,
        reason,
        principal: currentContext()?.principal ?? null,
        correlationId: correlationId(),
        causeEventId: this.cause.causeEventId ?? null,
        causeEventType: this.cause.causeEventType ?? null,
        occurredAt: this.at,
      }),
    );
  }

  emit<T extends EventType>(type: T, data: EventMap[T]): void {
    this.events.push(createEvent(type, { type: 'order', id: this.orderId }, data));
  }

  /** Whether a hold is still open on the order. */
  onHold(): boolean {
    return this.aggregate.holds.some((hold) => hold.releasedAt === null);
  }

  /**
   * Re-derives line and order statuses, guarding and recording each transition. `completed`
   * asks for the order to be closed (only `CompleteOrder` does).
   */
  settle(options: { complete?: boolean } = {}): void {
    const { order, lines } = this.aggregate;
    const lineChanges: Array<{ lineId: string; from: string; to: string }> = [];
    for (const line of lines) {
      if (options.complete && (line.status === 'delivered' || line.status === 'collected')) {
        assertOrderLineTransition(line.status, 'completed');
        this.record(line.id, line.status, 'completed');
        lineChanges.push({ lineId: line.id, from: line.status, to: 'completed' });
        line.status = 'completed';
      }
      const next = deriveLineStatus(line);
      if (next === line.status) continue;
      assertOrderLineTransition(line.status, next);
      this.record(line.id, line.status, next);
      lineChanges.push({ lineId: line.id, from: line.status, to: next });
      line.status = next;
    }
    const from: OrderStatus = order.status;
    const next = deriveOrderStatus(lines, this.onHold(), options.complete ? 'completed' : from);
    if (next !== from) {
      assertOrderTransition(from, next);
      this.record(null, from, next);
      order.status = next;
    }
    if (next !== from || lineChanges.length > 0) {
      this.emit('orders.order.status-changed.v1', {
        orderId: order.id,
        from,
        to: next,
        reason: this.cause.reason,
        customerStatus: customerStatus(next, lines, order.promisedDate),
        lines: lineChanges,
      });
    }
  }
}
