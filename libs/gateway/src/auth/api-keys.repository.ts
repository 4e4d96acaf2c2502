import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApiKeyEntity } from './api-key.entity';
import { TenantEntity } from './tenant.entity';

/**
 * The only place with queries on tenants and keys. Key look-up is by hash and deliberately not
 * tenant-scoped: it is how the tenant of a request is found in the first place.
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
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(TenantEntity)
      .values({ id, name })
      .orIgnore()
      .execute();
  }

  async insertKeyIfAbsent(key: Omit<ApiKeyEntity, 'createdAt'>): Promise<void> {
    await this.dataSource.createQueryBuilder().insert().into(ApiKeyEntity).values(key).orIgnore().execute();
  }
}
