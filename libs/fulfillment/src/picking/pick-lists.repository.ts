import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { tenantScope } from '@baton/platform';
import { PickListEntity } from './pick-list.entity';

/** The only place that queries pick lists; tenant-scoped. */
@Injectable()
export class PickListsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, pickList: PickListEntity): Promise<void> {
    await manager.insert(PickListEntity, pickList);
  }

  async findOne(id: string): Promise<PickListEntity | undefined> {
    return (await this.dataSource.getRepository(PickListEntity).findOne({ where: tenantScope({ id }) })) ?? undefined;
  }
}
