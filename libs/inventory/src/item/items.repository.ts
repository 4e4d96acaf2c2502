import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { tenantScope } from '@baton/platform';
import { DataSource } from 'typeorm';
import { ItemEntity } from './item.entity';

export type NewItem = Omit<ItemEntity, 'tenantId' | 'createdAt'>;

/** The only place with queries on items; every query is scoped to the current tenant. */
@Injectable()
export class ItemsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts an item; a duplicate SKU fails with the `items_pkey` violation. */
  async insert(item: NewItem): Promise<ItemEntity> {
    const repository = this.dataSource.getRepository(ItemEntity);
    const entity = repository.create(tenantScope({ ...item }));
    await repository.insert(entity);
    return entity;
  }
}
