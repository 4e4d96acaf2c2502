import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { requireTenant } from '@baton/platform';
import type { CursorKey } from '../limits/pagination';
import { PartnerLocationEntity } from './partner-location.entity';
import { PartnerEntity } from './partner.entity';

/** The only place with queries on partners and the locations they own; every query is tenant-scoped. */
@Injectable()
export class PartnersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts a partner; false when the id is taken in this tenant. */
  async insertPartner(manager: EntityManager, id: string, name: string): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(PartnerEntity)
      .values({ tenantId: requireTenant(), id, name })
      .orIgnore()
      .returning(['id'])
      .execute();
    return result.raw.length === 1;
  }

  findPartner(id: string, manager: EntityManager = this.dataSource.manager): Promise<PartnerEntity | null> {
    return manager.getRepository(PartnerEntity).findOneBy({ tenantId: requireTenant(), id });
  }

  findPartnerForUpdate(manager: EntityManager, id: string): Promise<PartnerEntity | null> {
    return manager
      .getRepository(PartnerEntity)
      .createQueryBuilder('p')
      .setLock('pessimistic_write')
      .where('p.tenant_id = :tenantId AND p.id = :id', { tenantId: requireTenant(), id })
      .getOne();
  }

  listPartners(after: CursorKey | undefined, take: number): Promise<PartnerEntity[]> {
    const query = this.dataSource
      .getRepository(PartnerEntity)
      .createQueryBuilder('p')
      .where('p.tenant_id = :tenantId', { tenantId: requireTenant() });
    if (after) query.andWhere('p.id > :id', { id: after[0] });
    return query.orderBy('p.id', 'ASC').limit(take).getMany();
  }

  /** Sets the name and marks the partner updated (also when only its locations changed). */
  async renamePartner(manager: EntityManager, id: string, name: string): Promise<void> {
    await manager.getRepository(PartnerEntity).update({ tenantId: requireTenant(), id }, { name });
  }

  /** Location ids per partner, for the partners given (each list sorted). */
  async locationsOf(partnerIds: string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>(partnerIds.map((id) => [id, []]));
    if (partnerIds.length === 0) return result;
    const rows = await manager
      .getRepository(PartnerLocationEntity)
      .createQueryBuilder('l')
      .where('l.tenant_id = :tenantId AND l.partner_id IN (:...partnerIds)', { tenantId: requireTenant(), partnerIds })
      .orderBy('l.location_id', 'ASC')
      .getMany();
    for (const row of rows) result.get(row.partnerId)?.push(row.locationId);
    return result;
  }

  /** Which of these locations another partner of the tenant already owns. */
  async ownedByOthers(manager: EntityManager, partnerId: string, locationIds: string[]): Promise<PartnerLocationEntity[]> {
    if (locationIds.length === 0) return [];
    return manager
      .getRepository(PartnerLocationEntity)
      .createQueryBuilder('l')
      .where('l.tenant_id = :tenantId AND l.location_id IN (:...locationIds) AND l.partner_id <> :partnerId', {
        tenantId: requireTenant(),
        locationIds,
        partnerId,
      })
      .getMany();
  }

  /** Replaces the set of locations a partner owns. */
  async replaceLocations(manager: EntityManager, partnerId: string, locationIds: string[]): Promise<void> {
    const tenantId = requireTenant();
    await manager.getRepository(PartnerLocationEntity).delete({ tenantId, partnerId });
    if (locationIds.length === 0) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(PartnerLocationEntity)
      .values(locationIds.map((locationId) => ({ tenantId, locationId, partnerId })))
      .execute();
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
