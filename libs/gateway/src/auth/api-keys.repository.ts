import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { requireTenant } from '@baton/platform';
import { type CursorKey, msCreated } from '../limits/pagination';
import { ApiKeyEntity } from './api-key.entity';
import { TenantEntity } from './tenant.entity';

/**
 * The only place with queries on tenants and keys. Key look-up by hash is deliberately not
 * tenant-scoped: it is how the tenant of a request is found in the first place. Every other key
 * query is scoped to the tenant of the request context, so an admin sees only its own tenant's keys.
 */
@Injectable()
export class ApiKeysRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findActiveByHash(keyHash: string, now: Date): Promise<ApiKeyEntity | null> {
    return this.dataSource
      .getRepository(ApiKeyEntity)
      .createQueryBuilder('k')
      .where('k.key_hash = :keyHash', { keyHash })
      .andWhere('k.revoked_at IS NULL')
      .andWhere('(k.expires_at IS NULL OR k.expires_at > :now)', { now })
      .getOne();
  }

  async upsertTenant(id: string, name: string): Promise<void> {
    await this.dataSource.createQueryBuilder().insert().into(TenantEntity).values({ id, name }).orIgnore().execute();
  }

  /** Inserts a tenant; false when the id is taken. */
  async insertTenant(manager: EntityManager, id: string, name: string): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(TenantEntity)
      .values({ id, name })
      .orIgnore()
      .returning(['id'])
      .execute();
    return result.raw.length === 1;
  }

  findTenant(id: string): Promise<TenantEntity | null> {
    return this.dataSource.getRepository(TenantEntity).findOneBy({ id });
  }

  listTenants(after: CursorKey | undefined, take: number): Promise<TenantEntity[]> {
    const query = this.dataSource.getRepository(TenantEntity).createQueryBuilder('t');
    if (after) query.where(`(${msCreated('t')}, t.id) > (:at, :id)`, { at: after[0], id: after[1] });
    return query.orderBy(msCreated('t'), 'ASC').addOrderBy('t.id', 'ASC').limit(take).getMany();
  }

  async insertKeyIfAbsent(key: Omit<ApiKeyEntity, 'createdAt'>): Promise<void> {
    await this.dataSource.createQueryBuilder().insert().into(ApiKeyEntity).values(key).orIgnore().execute();
  }

  /** Stores a new key (its tenant is the one given: the caller's, or a tenant being created). */
  async insertKey(manager: EntityManager, key: Omit<ApiKeyEntity, 'createdAt'>): Promise<ApiKeyEntity> {
    await manager.createQueryBuilder().insert().into(ApiKeyEntity).values(key).execute();
    return manager.getRepository(ApiKeyEntity).findOneByOrFail({ id: key.id });
  }

  findKey(id: string): Promise<ApiKeyEntity | null> {
    return this.dataSource.getRepository(ApiKeyEntity).findOneBy({ id, tenantId: requireTenant() });
  }

  /** The key, row-locked for the rest of the transaction (rotation and revocation serialise on it). */
  findKeyForUpdate(manager: EntityManager, id: string): Promise<ApiKeyEntity | null> {
    return manager
      .getRepository(ApiKeyEntity)
      .createQueryBuilder('k')
      .setLock('pessimistic_write')
      .where('k.id = :id AND k.tenant_id = :tenantId', { id, tenantId: requireTenant() })
      .getOne();
  }

  listKeys(after: CursorKey | undefined, take: number): Promise<ApiKeyEntity[]> {
    const query = this.dataSource
      .getRepository(ApiKeyEntity)
      .createQueryBuilder('k')
      .where('k.tenant_id = :tenantId', { tenantId: requireTenant() });
    if (after) query.andWhere(`(${msCreated('k')}, k.id) > (:at, :id)`, { at: after[0], id: after[1] });
    return query.orderBy(msCreated('k'), 'ASC').addOrderBy('k.id', 'ASC').limit(take).getMany();
  }

  async updateKey(
    manager: EntityManager,
    id: string,
    changes: Partial<Pick<ApiKeyEntity, 'expiresAt' | 'revokedAt' | 'replacedBy'>>,
  ): Promise<void> {
    await manager.getRepository(ApiKeyEntity).update({ id, tenantId: requireTenant() }, changes);
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}

