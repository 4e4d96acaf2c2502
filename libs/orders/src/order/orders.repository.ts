import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, QueryFailedError, type EntityManager } from 'typeorm';
import { requireTenant, tenantScope } from '@baton/platform';
import { OrderAllocationEntity } from './order-allocation.entity';
import { OrderHoldEntity } from './order-hold.entity';
import { OrderLineEntity } from './order-line.entity';
import { OrderStatusChangeEntity } from './order-status-change.entity';
import { OrderEntity } from './order.entity';
import { SourcingDecisionEntity } from './sourcing-decision.entity';

/** An order with everything that belongs to it and changes with it. */
export interface OrderAggregate {
  order: OrderEntity;
  lines: OrderLineEntity[];
  allocations: OrderAllocationEntity[];
  holds: OrderHoldEntity[];
}

/** What one change of an order writes besides the rows it updates. */
export interface OrderWrites {
  history: OrderStatusChangeEntity[];
  newAllocations?: OrderAllocationEntity[];
  newHolds?: OrderHoldEntity[];
  decision?: SourcingDecisionEntity;
}

const DUPLICATE_ORDER_CONSTRAINTS = new Set(['orders_pkey', 'orders_channel_order_uq']);

/**
 * The only place that reads and writes an order aggregate; every query is scoped to the current
 * tenant. Changes go through {@link lock} (a row lock on the order) and {@link save} in one
 * transaction, so two changes of one order (a cancellation racing a shipment event) apply one
 * after the other, each on the other's result.
 */
@Injectable()
export class OrdersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findById(orderId: string, manager: EntityManager = this.dataSource.manager): Promise<OrderAggregate | null> {
    const order = await manager.findOne(OrderEntity, { where: tenantScope({ id: orderId }) });
    return order ? (await this.aggregates(manager, [order]))[0] : null;
  }

  async findByChannelOrderId(channel: string, channelOrderId: string): Promise<OrderAggregate | null> {
    const order = await this.dataSource.manager.findOne(OrderEntity, { where: tenantScope({ channel, channelOrderId }) });
    return order ? (await this.aggregates(this.dataSource.manager, [order]))[0] : null;
  }

  /** Locks the order row for the rest of the transaction and reads the aggregate under the lock. */
  async lock(manager: EntityManager, orderId: string): Promise<OrderAggregate | null> {
    const order = await manager
      .getRepository(OrderEntity)
      .createQueryBuilder('o')
      .setLock('pessimistic_write')
      .where('o.id = :orderId AND o.tenant_id = :tenantId', { orderId, tenantId: requireTenant() })
      .getOne();
    return order ? (await this.aggregates(manager, [order]))[0] : null;
  }

  /** The order an allocation (a reserved line part, as inventory and fulfillment know it) belongs to. */
  async orderOfAllocation(allocationId: string): Promise<string | null> {
    const found = await this.dataSource.manager.findOne(OrderAllocationEntity, {
      where: tenantScope({ id: allocationId }),
      select: { orderId: true },
    });
    return found?.orderId ?? null;
  }

  /** Loads lines, allocations and holds of the given orders with three queries. */
  async aggregates(manager: EntityManager, orders: OrderEntity[]): Promise<OrderAggregate[]> {
    if (orders.length === 0) return [];
    const ids = orders.map((o) => o.id);
    const where = tenantScope({ orderId: In(ids) });
    // One after the other: the manager may be bound to one connection (a transaction, the placement lock).
    const lines = await manager.find(OrderLineEntity, { where, order: { lineNo: 'ASC' } });
    const allocations = await manager.find(OrderAllocationEntity, { where, order: { createdAt: 'ASC', id: 'ASC' } });
    const holds = await manager.find(OrderHoldEntity, { where, order: { placedAt: 'ASC', id: 'ASC' } });
    return orders.map((order) => ({
      order,
      lines: lines.filter((l) => l.orderId === order.id),
      allocations: allocations.filter((a) => a.orderId === order.id),
      holds: holds.filter((h) => h.orderId === order.id),
    }));
  }

  /** Writes a new order with everything that belongs to it, in the caller's transaction. */
  async insertPlaced(manager: EntityManager, placed: OrderAggregate, writes: OrderWrites): Promise<void> {
    await manager.insert(OrderEntity, placed.order);
    await manager.insert(OrderLineEntity, placed.lines);
    if (placed.allocations.length > 0) await manager.insert(OrderAllocationEntity, placed.allocations);
    if (placed.holds.length > 0) await manager.insert(OrderHoldEntity, placed.holds);
    await this.writeExtras(manager, writes);
  }

  /** Saves a changed aggregate (read with {@link lock}) and what the change writes, in the caller's transaction. */
  async save(manager: EntityManager, aggregate: OrderAggregate, writes: OrderWrites): Promise<void> {
    aggregate.order.updatedAt = new Date();
    await manager.save(OrderEntity, aggregate.order);
    await manager.save(OrderLineEntity, aggregate.lines);
    const fresh = new Set(writes.newAllocations ?? []);
    const existing = aggregate.allocations.filter((a) => !fresh.has(a));
    if (existing.length > 0) await manager.save(OrderAllocationEntity, existing);
    if (writes.newAllocations?.length) await manager.insert(OrderAllocationEntity, writes.newAllocations);
    const freshHolds = new Set(writes.newHolds ?? []);
    const oldHolds = aggregate.holds.filter((h) => !freshHolds.has(h));
    if (oldHolds.length > 0) await manager.save(OrderHoldEntity, oldHolds);
    if (writes.newHolds?.length) await manager.insert(OrderHoldEntity, writes.newHolds);
    await this.writeExtras(manager, writes);
  }

  /** Whether a failed insert lost the race to another submission of the same order. */
  isDuplicateOrder(error: unknown): boolean {
    if (!(error instanceof QueryFailedError)) return false;
    const driverError = error.driverError as { code?: string; constraint?: string };
    return driverError.code === '23505' && DUPLICATE_ORDER_CONSTRAINTS.has(driverError.constraint ?? '');
  }

  private async writeExtras(manager: EntityManager, writes: OrderWrites): Promise<void> {
    if (writes.history.length > 0) await manager.insert(OrderStatusChangeEntity, writes.history);
    if (writes.decision) await manager.insert(SourcingDecisionEntity, writes.decision);
  }
}
