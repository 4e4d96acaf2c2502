import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { requireTenant, tenantScope } from '@baton/platform';
import { FulfillmentPackageEntity } from '../packing/fulfillment-package.entity';
import { FulfillmentLineEntity } from './fulfillment-line.entity';
import { FulfillmentOrderEntity } from './fulfillment-order.entity';
import type { FulfillmentStatus } from './fulfillment-state-machine';
import { FulfillmentStatusChangeEntity } from './fulfillment-status-change.entity';

export interface FulfillmentWithLines {
  fulfillment: FulfillmentOrderEntity;
  lines: FulfillmentLineEntity[];
}

export interface QueueQuery {
  locationId: string;
  statuses: readonly FulfillmentStatus[];
  limit: number;
  lateOnly: boolean;
}

/**
 * The only place that queries fulfilment orders, their lines, packages and history; every query
 * is scoped to the current tenant. Writes take the caller's transaction; `lock*` reads take row
 * locks in it, so concurrent operations on one fulfilment order apply one after the other.
 */
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
      .find({ where: tenantScope({ orderId }), order: { createdAt: 'ASC', legKey: 'ASC' } });
    return this.withLines(this.dataSource.manager, fulfillments);
  }

  async findOne(id: string): Promise<FulfillmentWithLines | undefined> {
    const fulfillment = await this.dataSource.getRepository(FulfillmentOrderEntity).findOne({ where: tenantScope({ id }) });
    return fulfillment ? (await this.withLines(this.dataSource.manager, [fulfillment]))[0] : undefined;
  }

  /** The fulfilment order with its row locked until the caller's transaction ends. */
  async lockOne(manager: EntityManager, id: string): Promise<FulfillmentWithLines | undefined> {
    const fulfillment = await manager
      .getRepository(FulfillmentOrderEntity)
      .findOne({ where: tenantScope({ id }), lock: { mode: 'pessimistic_write' } });
    return fulfillment ? (await this.withLines(manager, [fulfillment]))[0] : undefined;
  }

  /** Locks the order's fulfilment orders (in id order, so concurrent lockers cannot deadlock). */
  async lockByOrder(manager: EntityManager, orderId: string): Promise<FulfillmentWithLines[]> {
    const fulfillments = await manager.getRepository(FulfillmentOrderEntity).find({
      where: tenantScope({ orderId }),
      order: { id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    return this.withLines(manager, fulfillments);
  }

  /** Locks the legs waiting for `inboundId` (ship-to-store pickups). */
  async lockDependents(manager: EntityManager, inboundId: string): Promise<FulfillmentWithLines[]> {
    const fulfillments = await manager.getRepository(FulfillmentOrderEntity).find({
      where: tenantScope({ dependsOnId: inboundId }),
      order: { id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    return this.withLines(manager, fulfillments);
  }

  /**
   * Locks up to `limit` fulfilment orders at a location, in queue order, skipping rows another
   * transaction holds: given ids (any status, checked by the caller) or else accepted work.
   */
  async lockForPicking(manager: EntityManager, locationId: string, ids: readonly string[], limit: number): Promise<FulfillmentWithLines[]> {
    const builder = manager
      .getRepository(FulfillmentOrderEntity)
      .createQueryBuilder('f')
      .where('f.tenant_id = :tenantId', { tenantId: requireTenant() })
      .orderBy('f.priority', 'ASC')
      .addOrderBy('f.due_at', 'ASC', 'NULLS LAST')
      .addOrderBy('f.created_at', 'ASC')
      .addOrderBy('f.id', 'ASC')
      .setLock('pessimistic_write');
    if (ids.length > 0) builder.andWhere('f.id IN (:...ids)', { ids });
    else {
      builder
        .andWhere('f.location_id = :locationId', { locationId })
        .andWhere(`f.status = 'accepted'`)
        .setOnLocked('skip_locked')
        .limit(limit);
    }
    return this.withLines(manager, await builder.getMany());
  }

  async saveFulfillment(manager: EntityManager, fulfillment: FulfillmentOrderEntity): Promise<void> {
    await manager.save(FulfillmentOrderEntity, fulfillment);
  }

  async saveLines(manager: EntityManager, lines: FulfillmentLineEntity[]): Promise<void> {
    if (lines.length > 0) await manager.save(FulfillmentLineEntity, lines);
  }

  async recordChange(manager: EntityManager, change: Omit<FulfillmentStatusChangeEntity, 'id'>): Promise<void> {
    await manager.insert(FulfillmentStatusChangeEntity, change);
  }

  async history(fulfillmentId: string): Promise<FulfillmentStatusChangeEntity[]> {
    return this.dataSource
      .getRepository(FulfillmentStatusChangeEntity)
      .find({ where: tenantScope({ fulfillmentId }), order: { id: 'ASC' } });
  }

  /** A location's work queue: by priority (1 first), then due time (none last), then age. */
  async queue(query: QueueQuery): Promise<FulfillmentWithLines[]> {
    const builder = this.dataSource
      .getRepository(FulfillmentOrderEntity)
      .createQueryBuilder('f')
      .where('f.tenant_id = :tenantId', { tenantId: requireTenant() })
      .andWhere('f.location_id = :locationId', { locationId: query.locationId })
      .orderBy('f.priority', 'ASC')
      .addOrderBy('f.due_at', 'ASC', 'NULLS LAST')
      .addOrderBy('f.created_at', 'ASC')
      .addOrderBy('f.id', 'ASC')
      .limit(query.limit);
    if (query.statuses.length > 0) builder.andWhere('f.status IN (:...statuses)', { statuses: [...query.statuses] });
    if (query.lateOnly) builder.andWhere('f.late_at IS NOT NULL');
    return this.withLines(this.dataSource.manager, await builder.getMany());
  }

  /** Counts of a location's fulfilment orders by status. */
  async countByStatus(locationIds: readonly string[]): Promise<Array<{ locationId: string; status: string; count: number }>> {
    if (locationIds.length === 0) return [];
    const rows = await this.dataSource.query<Array<{ location_id: string; status: string; n: string }>>(
      `SELECT location_id, status, count(*) AS n FROM fulfillment_orders
        WHERE tenant_id = $1 AND location_id = ANY($2) AND status IN ('created', 'accepted', 'picking', 'picked', 'packed')
        GROUP BY location_id, status`,
      [requireTenant(), [...locationIds]],
    );
    return rows.map((row) => ({ locationId: row.location_id, status: row.status, count: Number(row.n) }));
  }

  async insertPackages(manager: EntityManager, packages: FulfillmentPackageEntity[]): Promise<void> {
    if (packages.length > 0) await manager.insert(FulfillmentPackageEntity, packages);
  }

  async findPackages(fulfillmentIds: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<FulfillmentPackageEntity[]> {
    if (fulfillmentIds.length === 0) return [];
    return manager.getRepository(FulfillmentPackageEntity).find({
      where: tenantScope({ fulfillmentId: In([...fulfillmentIds]) }),
      order: { packageNo: 'ASC' },
    });
  }

  /**
   * The tenants that have work a timer may act on (waiting to start, or waiting for collection).
   * The one query that is not tenant-scoped: it returns tenant ids only, and the timers then work
   * inside each tenant's context.
   */
  async tenantsWithTimedWork(): Promise<string[]> {
    const rows = await this.dataSource.query<Array<{ tenant_id: string }>>(
      `SELECT DISTINCT tenant_id FROM fulfillment_orders WHERE status IN ('created', 'accepted', 'ready_for_pickup') ORDER BY tenant_id`,
    );
    return rows.map((row) => row.tenant_id);
  }

  /**
   * Locks work that was not started in time: created or accepted, and either past its due time or
   * available for longer than the tenant's start limit. Rows another transaction holds are
   * skipped (another replica's timer is on them). `unflaggedOnly` leaves already flagged work out.
   */
  async lockLateWork(manager: EntityManager, now: Date, startWithinMinutes: number, unflaggedOnly: boolean, limit: number): Promise<FulfillmentWithLines[]> {
    const fulfillments = await manager
      .getRepository(FulfillmentOrderEntity)
      .createQueryBuilder('f')
      .where('f.tenant_id = :tenantId', { tenantId: requireTenant() })
      .andWhere(`f.status IN ('created', 'accepted')`)
      .andWhere(`(f.due_at < :now OR f.available_at + make_interval(mins => :minutes) < :now)`, { now, minutes: startWithinMinutes })
      .andWhere(unflaggedOnly ? 'f.late_at IS NULL' : 'TRUE')
      .orderBy('f.id', 'ASC')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
    return this.withLines(manager, fulfillments);
  }

  /** Locks pickups whose collection limit has passed, skipping rows held elsewhere. */
  async lockExpiredPickups(manager: EntityManager, now: Date, limit: number): Promise<FulfillmentWithLines[]> {
    const fulfillments = await manager
      .getRepository(FulfillmentOrderEntity)
      .createQueryBuilder('f')
      .where('f.tenant_id = :tenantId', { tenantId: requireTenant() })
      .andWhere(`f.status = 'ready_for_pickup'`)
      .andWhere('f.pickup_expires_at < :now', { now })
      .orderBy('f.id', 'ASC')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
    return this.withLines(manager, fulfillments);
  }

  private async withLines(manager: EntityManager, fulfillments: FulfillmentOrderEntity[]): Promise<FulfillmentWithLines[]> {
    if (fulfillments.length === 0) return [];
    const lines = await manager.getRepository(FulfillmentLineEntity).find({
      where: tenantScope({ fulfillmentId: In(fulfillments.map((f) => f.id)) }),
      order: { lineNo: 'ASC' },
    });
    return fulfillments.map((fulfillment) => ({
      fulfillment,
      lines: lines.filter((line) => line.fulfillmentId === fulfillment.id),
    }));
  }
}
