import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { requireTenant, tenantScope } from '@baton/platform';
import { OrderStatusChangeEntity } from './order-status-change.entity';
import { OrderEntity } from './order.entity';
import { OrdersRepository, type OrderAggregate } from './orders.repository';
import { SourcingDecisionEntity } from './sourcing-decision.entity';

export interface OrderFilters {
  statuses: string[];
  channel?: string;
  channelOrderId?: string;
  createdFrom?: Date;
  createdTo?: Date;
  /** Orders touching any of these locations (allocated there or going there). */
  locationIds?: string[];
  /** An email (case-insensitive) or a customer id. */
  customer?: string;
}

export interface OrderCursor {
  createdAt: Date;
  id: string;
}

/** Read-only queries over orders: the filtered list, the history, the sourcing decisions. */
@Injectable()
export class OrderQueriesRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly orders: OrdersRepository,
  ) {}

  /**
   * One page of orders, newest first (ties by id), strictly after the cursor: keyset pagination,
   * so a page is stable while new orders arrive.
   */
  async list(filters: OrderFilters, after: OrderCursor | undefined, limit: number): Promise<{ page: OrderAggregate[]; more: boolean }> {
    let query: SelectQueryBuilder<OrderEntity> = this.dataSource
      .getRepository(OrderEntity)
      .createQueryBuilder('o')
      .where('o.tenant_id = :tenantId', { tenantId: requireTenant() });
    if (filters.statuses.length > 0) query = query.andWhere('o.status IN (:...statuses)', { statuses: filters.statuses });
    if (filters.channel) query = query.andWhere('o.channel = :channel', { channel: filters.channel });
    if (filters.channelOrderId) query = query.andWhere('o.channel_order_id = :coid', { coid: filters.channelOrderId });
    if (filters.createdFrom) query = query.andWhere('o.created_at >= :from', { from: filters.createdFrom });
    if (filters.createdTo) query = query.andWhere('o.created_at < :to', { to: filters.createdTo });
    if (filters.customer) {
      query = query.andWhere("(lower(o.customer_email) = lower(:customer) OR o.customer->>'id' = :customer)", { customer: filters.customer });
    }
    if (filters.locationIds) {
      query = query.andWhere(
        `(EXISTS (SELECT 1 FROM order_allocations a WHERE a.tenant_id = o.tenant_id AND a.order_id = o.id AND a.location_id IN (:...locationIds))
          OR EXISTS (SELECT 1 FROM order_lines l WHERE l.tenant_id = o.tenant_id AND l.order_id = o.id AND l.destination_location_id IN (:...locationIds)))`,
        { locationIds: filters.locationIds.length > 0 ? filters.locationIds : [''] },
      );
    }
    if (after) query = query.andWhere('(o.created_at, o.id) < (:afterAt, :afterId)', { afterAt: after.createdAt, afterId: after.id });
    const rows = await query.orderBy('o.created_at', 'DESC').addOrderBy('o.id', 'DESC').limit(limit + 1).getMany();
    const page = await this.orders.aggregates(this.dataSource.manager, rows.slice(0, limit));
    return { page, more: rows.length > limit };
  }

  history(orderId: string): Promise<OrderStatusChangeEntity[]> {
    return this.dataSource.getRepository(OrderStatusChangeEntity).find({ where: tenantScope({ orderId }), order: { id: 'ASC' } });
  }

  decisions(orderId: string): Promise<SourcingDecisionEntity[]> {
    return this.dataSource.getRepository(SourcingDecisionEntity).find({ where: tenantScope({ orderId }), order: { attempt: 'ASC' } });
  }
}
