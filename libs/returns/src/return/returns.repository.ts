import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, QueryFailedError, type EntityManager } from 'typeorm';
import { requireTenant, tenantScope } from '@baton/platform';
import { RefundEntity } from '../refund/refund.entity';
import type { ReturnClaimView } from '../authorisation/returnable-quantities';
import { ReturnLineEntity } from './return-line.entity';
import { ReturnReceiptEntity } from './return-receipt.entity';
import { ReturnStatusChangeEntity } from './return-status-change.entity';
import { ReturnUnitEntity } from './return-unit.entity';
import { ReturnEntity } from './return.entity';
import type { ReturnStatus } from './return-state-machine';

/** A return with everything that belongs to it. */
export interface ReturnAggregate {
  ret: ReturnEntity;
  lines: ReturnLineEntity[];
  units: ReturnUnitEntity[];
  history: ReturnStatusChangeEntity[];
  refund: RefundEntity | null;
}

export interface ReturnListFilter {
  orderId?: string;
  status?: ReturnStatus;
  locationId?: string;
  /** Any of these locations (expected or received at). */
  locationIds?: string[];
}

/** A position in the newest-first listing: the last row of the previous page. */
export interface ListCursor {
  createdAt: Date;
  id: string;
}

/**
 * The only place that queries the return tables; every query is scoped to the current tenant, and
 * writes take the caller's transaction so a return never changes without its history and events.
 */
@Injectable()
export class ReturnsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findAggregate(returnId: string, manager: EntityManager = this.dataSource.manager): Promise<ReturnAggregate | null> {
    const [found] = await this.findAggregates([returnId], manager);
    return found ?? null;
  }

  /** Full returns for `ids`, in the order of `ids`; ids of other tenants or unknown ids are left out. */
  async findAggregates(ids: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<ReturnAggregate[]> {
    if (ids.length === 0) return [];
    const returns = await manager.find(ReturnEntity, { where: tenantScope({ id: In([...ids]) }) });
    if (returns.length === 0) return [];
    const found = returns.map((r) => r.id);
    const [lines, units, history, refunds] = await Promise.all([
      manager.find(ReturnLineEntity, { where: tenantScope({ returnId: In(found) }), order: { orderLineId: 'ASC' } }),
      manager.find(ReturnUnitEntity, { where: tenantScope({ returnId: In(found) }), order: { seq: 'ASC' } }),
      manager.find(ReturnStatusChangeEntity, { where: tenantScope({ returnId: In(found) }), order: { id: 'ASC' } }),
      manager.find(RefundEntity, { where: tenantScope({ returnId: In(found) }) }),
    ]);
    const byId = new Map(returns.map((ret) => [ret.id, ret]));
    return ids.flatMap((id) => {
      const ret = byId.get(id);
      if (!ret) return [];
      return [
        {
          ret,
          lines: lines.filter((l) => l.returnId === id),
          units: units.filter((u) => u.returnId === id),
          history: history.filter((h) => h.returnId === id),
          refund: refunds.find((r) => r.returnId === id) ?? null,
        },
      ];
    });
  }

  /** The manager for reads outside any transaction. */
  readManager(): EntityManager {
    return this.dataSource.manager;
  }

  async findIdByReference(reference: string): Promise<string | null> {
    const found = await this.dataSource.getRepository(ReturnEntity).findOne({ where: tenantScope({ reference }), select: { id: true } });
    return found?.id ?? null;
  }

  /** Locks a return row for the rest of the caller's transaction; concurrent changes wait. */
  async lockReturn(manager: EntityManager, returnId: string): Promise<ReturnEntity | null> {
    return manager
      .getRepository(ReturnEntity)
      .createQueryBuilder('r')
      .setLock('pessimistic_write')
      .where('r.tenant_id = :tenantId AND r.id = :returnId', { tenantId: requireTenant(), returnId })
      .getOne();
  }

  /** What every return of the order holds, read in the caller's transaction (under the order's lock). */
  async findClaimsOfOrder(manager: EntityManager, orderId: string): Promise<ReturnClaimView[]> {
    const returns = await manager.find(ReturnEntity, {
      where: tenantScope({ orderId }),
      select: { id: true, status: true },
    });
    const live = returns.filter((r) => r.status !== 'cancelled' && r.status !== 'rejected');
    if (live.length === 0) return [];
    const ids = live.map((r) => r.id);
    const [lines, units] = await Promise.all([
      manager.find(ReturnLineEntity, { where: tenantScope({ returnId: In(ids) }) }),
      manager.find(ReturnUnitEntity, { where: tenantScope({ returnId: In(ids) }) }),
    ]);
    return live.map((r) => ({
      status: r.status,
      lines: lines.filter((l) => l.returnId === r.id),
      units: units.filter((u) => u.returnId === r.id),
    }));
  }

  async linesOf(manager: EntityManager, returnId: string): Promise<ReturnLineEntity[]> {
    return manager.find(ReturnLineEntity, { where: tenantScope({ returnId }), order: { orderLineId: 'ASC' } });
  }

  async unitsOf(manager: EntityManager, returnId: string): Promise<ReturnUnitEntity[]> {
    return manager.find(ReturnUnitEntity, { where: tenantScope({ returnId }), order: { seq: 'ASC' } });
  }

  /** The next free unit number of a return (the caller holds the return's lock). */
  async nextUnitSeq(manager: EntityManager, returnId: string): Promise<number> {
    const rows: Array<{ next: number }> = await manager.query(
      `SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM return_units WHERE tenant_id = $1 AND return_id = $2`,
      [requireTenant(), returnId],
    );
    return Number(rows[0].next);
  }

  async insertReturn(manager: EntityManager, ret: ReturnEntity, lines: ReturnLineEntity[]): Promise<void> {
    await manager.insert(ReturnEntity, ret);
    await manager.insert(ReturnLineEntity, lines);
  }

  async updateReturn(manager: EntityManager, returnId: string, changes: Partial<Omit<ReturnEntity, 'id' | 'tenantId'>>): Promise<void> {
    await manager.update(ReturnEntity, tenantScope({ id: returnId }), { ...changes, updatedAt: new Date() });
  }

  async addReceivedQuantity(manager: EntityManager, lineId: string, quantity: number): Promise<void> {
    await manager.increment(ReturnLineEntity, tenantScope({ id: lineId }), 'receivedQuantity', quantity);
  }

  async recordHistory(manager: EntityManager, entries: ReturnStatusChangeEntity[]): Promise<void> {
    if (entries.length > 0) await manager.insert(ReturnStatusChangeEntity, entries);
  }

  async insertUnits(manager: EntityManager, units: ReturnUnitEntity[]): Promise<void> {
    if (units.length > 0) await manager.insert(ReturnUnitEntity, units);
  }

  async saveUnits(manager: EntityManager, units: ReturnUnitEntity[]): Promise<void> {
    for (const unit of units) {
      const { id, tenantId: _tenant, returnId: _return, ...changes } = unit;
      await manager.update(ReturnUnitEntity, tenantScope({ id }), changes);
    }
  }

  /** Records a receipt id; false when the return already had a receipt with that id. */
  async claimReceipt(manager: EntityManager, receipt: ReturnReceiptEntity): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO return_receipts (tenant_id, return_id, receipt_id, location_id, received_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, return_id, receipt_id) DO NOTHING
       RETURNING receipt_id`,
      [requireTenant(), receipt.returnId, receipt.receiptId, receipt.locationId, receipt.receivedAt],
    );
    return rows.length === 1;
  }

  /** Ids of a page of returns, newest first, after `cursor`. */
  async listIds(filter: ReturnListFilter, limit: number, cursor: ListCursor | null): Promise<Array<{ id: string; createdAt: Date }>> {
    const query = this.dataSource
      .getRepository(ReturnEntity)
      .createQueryBuilder('r')
      .select(['r.id', 'r.createdAt'])
      .where('r.tenant_id = :tenantId', { tenantId: requireTenant() });
    if (filter.orderId) query.andWhere('r.order_id = :orderId', { orderId: filter.orderId });
    if (filter.status) query.andWhere('r.status = :status', { status: filter.status });
    if (filter.locationId) {
      query.andWhere('(r.location_id = :locationId OR r.received_location_id = :locationId)', { locationId: filter.locationId });
    }
    if (filter.locationIds) {
      query.andWhere('(r.location_id = ANY(:locationIds) OR r.received_location_id = ANY(:locationIds))', { locationIds: filter.locationIds });
    }
    if (cursor) query.andWhere('(r.created_at, r.id) < (:createdAt, :id)', { createdAt: cursor.createdAt, id: cursor.id });
    const rows = await query.orderBy('r.created_at', 'DESC').addOrderBy('r.id', 'DESC').limit(limit).getMany();
    return rows.map((r) => ({ id: r.id, createdAt: r.createdAt }));
  }

  /** Whether a failed insert lost the race to another request with the same reference. */
  isDuplicateReference(error: unknown): boolean {
    if (!(error instanceof QueryFailedError)) return false;
    const driverError = error.driverError as { code?: string; constraint?: string };
    return driverError.code === '23505' && driverError.constraint === 'returns_tenant_reference_key';
  }
}
