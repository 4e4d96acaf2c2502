import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { tenantScope } from '@baton/platform';
import { FulfillmentLineEntity } from './fulfillment-line.entity';
import { FulfillmentOrderEntity } from './fulfillment-order.entity';

export interface FulfillmentWithLines {
  fulfillment: FulfillmentOrderEntity;
  lines: FulfillmentLineEntity[];
}

/** The only place that queries the fulfilment tables; every read is scoped to the current tenant. */
@Injectable()
export class FulfillmentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Writes new fulfilment orders and their lines in the caller's transaction. */
  async insert(manager: EntityManager, created: FulfillmentWithLines[]): Promise<void> {
    if (created.length === 0) return;
    await manager.insert(
      FulfillmentOrderEntity,
      created.map((c) => c.fulfillment),
    );
    await manager.insert(
      FulfillmentLineEntity,
      created.flatMap((c) => c.lines),
    );
  }

  async findByOrder(orderId: string): Promise<FulfillmentWithLines[]> {
    const fulfillments = await this.dataSource
      .getRepository(FulfillmentOrderEntity)
      .find({ where: tenantScope({ orderId }), order: { createdAt: 'ASC', locationId: 'ASC' } });
    if (fulfillments.length === 0) return [];
    const lines = await this.dataSource.getRepository(FulfillmentLineEntity).find({
      where: tenantScope({ fulfillmentId: In(fulfillments.map((f) => f.id)) }),
      order: { lineNo: 'ASC' },
    });
    return fulfillments.map((fulfillment) => ({
      fulfillment,
      lines: lines.filter((line) => line.fulfillmentId === fulfillment.id),
    }));
  }
}
