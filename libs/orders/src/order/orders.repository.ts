import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import { tenantScope } from '@baton/platform';
import { OrderLineEntity } from './order-line.entity';
import { OrderStatusChangeEntity } from './order-status-change.entity';
import { OrderEntity } from './order.entity';

export interface OrderWithLines {
  order: OrderEntity;
  lines: OrderLineEntity[];
}

const DUPLICATE_ORDER_CONSTRAINTS = new Set(['orders_pkey', 'orders_channel_order_uq']);

/** The only place that queries the orders tables; every read is scoped to the current tenant. */
@Injectable()
export class OrdersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findById(orderId: string): Promise<OrderWithLines | null> {
    const order = await this.dataSource.getRepository(OrderEntity).findOne({ where: tenantScope({ id: orderId }) });
    return order ? this.withLines(order) : null;
  }

  async findByChannelOrderId(channel: string, channelOrderId: string): Promise<OrderWithLines | null> {
    const order = await this.dataSource
      .getRepository(OrderEntity)
      .findOne({ where: tenantScope({ channel, channelOrderId }) });
    return order ? this.withLines(order) : null;
  }

  /** Writes a new order, its lines and its history in the caller's transaction. */
  async insertPlaced(manager: EntityManager, placed: OrderWithLines, history: OrderStatusChangeEntity[]): Promise<void> {
    await manager.insert(OrderEntity, placed.order);
    await manager.insert(OrderLineEntity, placed.lines);
    await manager.insert(OrderStatusChangeEntity, history);
  }

  /** Whether a failed insert lost the race to another submission of the same order. */
  isDuplicateOrder(error: unknown): boolean {
    if (!(error instanceof QueryFailedError)) return false;
    const driverError = error.driverError as { code?: string; constraint?: string };
    return driverError.code === '23505' && DUPLICATE_ORDER_CONSTRAINTS.has(driverError.constraint ?? '');
  }

  private async withLines(order: OrderEntity): Promise<OrderWithLines> {
    const lines = await this.dataSource
      .getRepository(OrderLineEntity)
      .find({ where: tenantScope({ orderId: order.id }), order: { lineNo: 'ASC' } });
    return { order, lines };
  }
}
