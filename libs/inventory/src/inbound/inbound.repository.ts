import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { requireTenant, tenantScope } from '@baton/platform';
import { DataSource, type EntityManager, In } from 'typeorm';
import { InboundLineEntity } from './inbound-line.entity';
import { type InboundKind, type InboundStatus, InboundSupplyEntity } from './inbound-supply.entity';

export type NewSupply = Pick<InboundSupplyEntity, 'id' | 'kind' | 'reference' | 'supplier' | 'sourceLocationId'>;
export type NewLine = Pick<InboundLineEntity, 'lineId' | 'sku' | 'locationId' | 'expectedQuantity' | 'eta'>;

export interface SupplyWithLines {
  supply: InboundSupplyEntity;
  lines: InboundLineEntity[];
}

export interface SupplyQuery {
  kind?: string;
  status?: string;
  sku?: string;
  locationId?: string;
}

/** The only place with queries on inbound supply; every query is scoped to the current tenant. */
@Injectable()
export class InboundRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Inserts a supply with its lines unless its (kind, reference) exists; returns whether it was
   * inserted. A concurrent insert of the same reference waits for the first and then sees it.
   */
  async insertIfNew(manager: EntityManager, supply: NewSupply, lines: NewLine[]): Promise<boolean> {
    const tenantId = requireTenant();
    const inserted: unknown[] = await manager.query(
      `INSERT INTO inbound_supplies (id, tenant_id, kind, reference, supplier, source_location_id, status)
       VALUES ($1, $2, $3, $4, $5, $6, 'open')
       ON CONFLICT (tenant_id, kind, reference) DO NOTHING
       RETURNING id`,
      [supply.id, tenantId, supply.kind, supply.reference, supply.supplier, supply.sourceLocationId],
    );
    if (inserted.length === 0) return false;
    await manager.query(
      `INSERT INTO inbound_lines (tenant_id, supply_id, line_id, sku, location_id, expected_quantity, eta)
       SELECT $1, $2, l.line_id, l.sku, l.location_id, l.expected_quantity, l.eta
         FROM unnest($3::text[], $4::text[], $5::uuid[], $6::int8[], $7::timestamptz[])
           AS l(line_id, sku, location_id, expected_quantity, eta)`,
      [
        tenantId,
        supply.id,
        lines.map((l) => l.lineId),
        lines.map((l) => l.sku),
        lines.map((l) => l.locationId),
        lines.map((l) => l.expectedQuantity),
        lines.map((l) => l.eta),
      ],
    );
    return true;
  }

  async findByReference(manager: EntityManager, kind: InboundKind, reference: string): Promise<SupplyWithLines | null> {
    const supply = await manager.getRepository(InboundSupplyEntity).findOneBy(tenantScope({ kind, reference }));
    return supply ? { supply, lines: await this.linesOf(manager, [supply.id]) } : null;
  }

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<SupplyWithLines | null> {
    const supply = await manager.getRepository(InboundSupplyEntity).findOneBy(tenantScope({ id }));
    return supply ? { supply, lines: await this.linesOf(manager, [supply.id]) } : null;
  }

  /** Locks a supply (receipts and closing serialise on it) and returns it with its lines. */
  async lock(manager: EntityManager, id: string): Promise<SupplyWithLines | null> {
    const supply = await manager
      .getRepository(InboundSupplyEntity)
      .createQueryBuilder('s')
      .setLock('pessimistic_write')
      .where('s.tenant_id = :tenantId AND s.id = :id', { tenantId: requireTenant(), id })
      .getOne();
    return supply ? { supply, lines: await this.linesOf(manager, [supply.id]) } : null;
  }

  /** Adds received units to lines; a line received in full stops counting as inbound. */
  async addReceived(manager: EntityManager, supplyId: string, received: Array<{ lineId: string; quantity: number }>): Promise<void> {
    if (received.length === 0) return;
    await manager.query(
      `UPDATE inbound_lines l
          SET received_quantity = l.received_quantity + r.quantity,
              open = l.open AND l.received_quantity + r.quantity < l.expected_quantity
         FROM unnest($3::text[], $4::int8[]) AS r(line_id, quantity)
        WHERE l.tenant_id = $1 AND l.supply_id = $2 AND l.line_id = r.line_id`,
      [requireTenant(), supplyId, received.map((r) => r.lineId), received.map((r) => r.quantity)],
    );
  }

  async setStatus(manager: EntityManager, supplyId: string, status: InboundStatus): Promise<void> {
    await manager.query(`UPDATE inbound_supplies SET status = $3, updated_at = now() WHERE tenant_id = $1 AND id = $2`, [
      requireTenant(),
      supplyId,
      status,
    ]);
    if (status === 'closed') {
      await manager.query(`UPDATE inbound_lines SET open = false WHERE tenant_id = $1 AND supply_id = $2`, [
        requireTenant(),
        supplyId,
      ]);
    }
  }

  /** A page of supplies, newest first, after the supply with sequence `beforeSeq`. */
  async page(query: SupplyQuery, beforeSeq: number | undefined, limit: number): Promise<Array<SupplyWithLines & { seq: number }>> {
    const rows: Array<{ id: string; seq: string }> = await this.dataSource.query(
      `SELECT s.id, s.seq FROM inbound_supplies s
        WHERE s.tenant_id = $1
          AND ($2::text IS NULL OR s.kind = $2)
          AND ($3::text IS NULL OR s.status = $3)
          AND ($4::int8 IS NULL OR s.seq < $4)
          AND ($5::text IS NULL AND $6::uuid IS NULL OR EXISTS (
                SELECT 1 FROM inbound_lines l
                 WHERE l.tenant_id = s.tenant_id AND l.supply_id = s.id
                   AND ($5::text IS NULL OR l.sku = $5) AND ($6::uuid IS NULL OR l.location_id = $6)))
        ORDER BY s.seq DESC
        LIMIT $7`,
      [requireTenant(), query.kind ?? null, query.status ?? null, beforeSeq ?? null, query.sku ?? null, query.locationId ?? null, limit],
    );
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    const supplies = await this.dataSource.getRepository(InboundSupplyEntity).findBy(tenantScope({ id: In(ids) }));
    const lines = await this.linesOf(this.dataSource.manager, ids);
    const byId = new Map(supplies.map((supply) => [supply.id, supply]));
    return rows.map((row) => ({
      supply: byId.get(row.id) as InboundSupplyEntity,
      lines: lines.filter((line) => line.supplyId === row.id),
      seq: Number(row.seq),
    }));
  }

  /** Whether any supply comes from or goes to the location. */
  async existsAtLocation(manager: EntityManager, locationId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM inbound_lines WHERE tenant_id = $1 AND location_id = $2
       UNION ALL
       SELECT 1 FROM inbound_supplies WHERE tenant_id = $1 AND source_location_id = $2
       LIMIT 1`,
      [requireTenant(), locationId],
    );
    return rows.length > 0;
  }

  private linesOf(manager: EntityManager, supplyIds: string[]): Promise<InboundLineEntity[]> {
    return manager
      .getRepository(InboundLineEntity)
      .find({ where: tenantScope({ supplyId: In(supplyIds) }), order: { lineId: 'ASC' } });
  }
}
