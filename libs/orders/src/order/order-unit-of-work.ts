import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@baton/domain';
import { Outbox } from '@baton/messaging';
import { requireTenant } from '@baton/platform';
import { OrderChange } from './order-change';
import { OrdersRepository, type OrderAggregate, type OrderWrites } from './orders.repository';

/**
 * Applies one change caused by an event to one order, in the event's inbox transaction: locks the
 * order, lets the caller mutate it, saves it with its history (naming the event as the cause) and
 * appends the change's events to the outbox. Events for an order this service does not know are
 * ignored (logged): they cannot belong to this tenant's orders.
 */
@Injectable()
export class OrderUnitOfWork {
  private readonly logger = new Logger(OrderUnitOfWork.name);

  constructor(
    private readonly repository: OrdersRepository,
    private readonly outbox: Outbox,
  ) {}

  async apply(
    manager: EntityManager,
    envelope: EventEnvelope,
    orderId: string,
    reason: string,
    mutate: (change: OrderChange) => Promise<Omit<OrderWrites, 'history'> | void> | Omit<OrderWrites, 'history'> | void,
  ): Promise<OrderAggregate | undefined> {
    const aggregate = await this.repository.lock(manager, orderId);
    if (!aggregate) {
      this.logger.warn(`${envelope.type} ${envelope.id} names order ${orderId}, which this service does not have; ignored`);
      return undefined;
    }
    const change = new OrderChange(aggregate, { reason, causeEventId: envelope.id, causeEventType: envelope.type });
    const writes = (await mutate(change)) ?? {};
    await this.repository.save(manager, aggregate, { ...writes, history: change.history });
    await this.outbox.append(manager, ...change.events);
    return aggregate;
  }

  /** Orders of the current tenant with backordered lines of these SKUs, oldest first. */
  async ordersWithBackorders(manager: EntityManager, skus: readonly string[], limit: number): Promise<string[]> {
    if (skus.length === 0) return [];
    const rows = await manager.query<Array<{ order_id: string }>>(
      `SELECT l.order_id FROM order_lines l JOIN orders o ON o.id = l.order_id
        WHERE l.tenant_id = $1 AND l.sku = ANY($2) AND l.backordered_quantity > 0
        GROUP BY l.order_id, o.created_at ORDER BY o.created_at LIMIT $3`,
      [requireTenant(), [...skus], limit],
    );
    return rows.map((r) => r.order_id);
  }

  notify(): void {
    this.outbox.notify();
  }
}
