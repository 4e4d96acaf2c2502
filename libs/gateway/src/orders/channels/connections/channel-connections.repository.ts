import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { requireTenant } from '@baton/platform';
import { type CursorKey, msCreated } from '../../../limits/pagination';
import { ChannelConnectionEntity } from './channel-connection.entity';

/**
 * The only place with queries on channel connections. Look-up by id for an incoming webhook is
 * deliberately not tenant-scoped (the connection is how its tenant is found, once the signature
 * checks out); every admin query is scoped to the caller's tenant.
 */
@Injectable()
export class ChannelConnectionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findForWebhook(id: string): Promise<ChannelConnectionEntity | null> {
    return this.dataSource.getRepository(ChannelConnectionEntity).findOneBy({ id });
  }

  async insert(connection: Omit<ChannelConnectionEntity, 'createdAt' | 'tenantId'>): Promise<ChannelConnectionEntity> {
    const repository = this.dataSource.getRepository(ChannelConnectionEntity);
    await repository.insert({ ...connection, tenantId: requireTenant() });
    return repository.findOneByOrFail({ id: connection.id, tenantId: requireTenant() });
  }

  find(id: string): Promise<ChannelConnectionEntity | null> {
    return this.dataSource.getRepository(ChannelConnectionEntity).findOneBy({ id, tenantId: requireTenant() });
  }

  list(after: CursorKey | undefined, take: number): Promise<ChannelConnectionEntity[]> {
    const query = this.dataSource
      .getRepository(ChannelConnectionEntity)
      .createQueryBuilder('c')
      .where('c.tenant_id = :tenantId', { tenantId: requireTenant() });
    if (after) query.andWhere(`(${msCreated('c')}, c.id) > (:at, :id)`, { at: after[0], id: after[1] });
    return query.orderBy(msCreated('c'), 'ASC').addOrderBy('c.id', 'ASC').limit(take).getMany();
  }
}

