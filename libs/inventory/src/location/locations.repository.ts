import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { requireTenant, tenantScope } from '@baton/platform';
import { Brackets, DataSource, type EntityManager } from 'typeorm';
import { LocationEntity } from './location.entity';

export type NewLocation = Omit<LocationEntity, 'tenantId' | 'createdAt' | 'updatedAt'>;
export type LocationChanges = Partial<Omit<LocationEntity, 'id' | 'tenantId' | 'code' | 'createdAt' | 'updatedAt'>>;

export interface LocationQuery {
  types?: string[];
  /** Every one of these. */
  capabilities?: string[];
  /** Any of these. */
  groups?: string[];
  partnerId?: string;
  includeInactive?: boolean;
}

/** The only place with queries on locations; every query is scoped to the current tenant. */
@Injectable()
export class LocationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts a location; a duplicate code fails with the `locations_tenant_code_key` violation. */
  async insert(location: NewLocation): Promise<LocationEntity> {
    const repository = this.dataSource.getRepository(LocationEntity);
    const entity = repository.create(tenantScope({ ...location, updatedAt: new Date() }));
    await repository.insert(entity);
    return entity;
  }

  /** Applies `changes` and returns the location after, or null when there is no such location. */
  async update(id: string, changes: LocationChanges, manager: EntityManager = this.dataSource.manager): Promise<LocationEntity | null> {
    const repository = manager.getRepository(LocationEntity);
    if (Object.keys(changes).length > 0) {
      await repository.update(tenantScope({ id }), { ...changes, updatedAt: new Date() });
    }
    return repository.findOneBy(tenantScope({ id }));
  }

  findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<LocationEntity | null> {
    return manager.getRepository(LocationEntity).findOneBy(tenantScope({ id }));
  }

  /** Locks one location row (delete checks its history under this lock). */
  async lock(manager: EntityManager, id: string): Promise<LocationEntity | null> {
    return manager
      .getRepository(LocationEntity)
      .createQueryBuilder('l')
      .setLock('pessimistic_write')
      .where('l.tenant_id = :tenantId AND l.id = :id', { tenantId: requireTenant(), id })
      .getOne();
  }

  async delete(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(LocationEntity).delete(tenantScope({ id }));
  }

  /** All the tenant's locations in code order (used to resolve feed rows by code). */
  findAll(): Promise<LocationEntity[]> {
    return this.dataSource.getRepository(LocationEntity).find({ where: tenantScope({}), order: { code: 'ASC' } });
  }

  /** A page of locations in code order, after `afterCode`. */
  page(query: LocationQuery, afterCode: string | undefined, limit: number): Promise<LocationEntity[]> {
    const builder = this.dataSource
      .getRepository(LocationEntity)
      .createQueryBuilder('l')
      .where('l.tenant_id = :tenantId', { tenantId: requireTenant() })
      .orderBy('l.code', 'ASC')
      .limit(limit);
    if (!query.includeInactive) builder.andWhere('l.active');
    if (query.types?.length) builder.andWhere('l.type = ANY(:types)', { types: query.types });
    if (query.capabilities?.length) builder.andWhere('l.capabilities @> :capabilities', { capabilities: query.capabilities });
    if (query.groups?.length) builder.andWhere('l.groups && :groups', { groups: query.groups });
    if (query.partnerId) builder.andWhere('l.partner_id = :partnerId', { partnerId: query.partnerId });
    if (afterCode !== undefined) builder.andWhere(new Brackets((qb) => qb.where('l.code > :afterCode', { afterCode })));
    return builder.getMany();
  }
}
