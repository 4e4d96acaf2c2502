import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { requireTenant, tenantScope } from '@baton/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { ItemEntity } from './item.entity';

export type NewItem = Omit<ItemEntity, 'tenantId' | 'createdAt' | 'updatedAt'>;
export type ItemChanges = Partial<Omit<ItemEntity, 'tenantId' | 'sku' | 'createdAt' | 'updatedAt'>>;

/** The only place with queries on items; every query is scoped to the current tenant. */
@Injectable()
export class ItemsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts an item; a duplicate SKU fails with the `items_pkey` violation. */
  async insert(item: NewItem): Promise<ItemEntity> {
    const repository = this.dataSource.getRepository(ItemEntity);
    const entity = repository.create(tenantScope({ ...item, updatedAt: new Date() }));
    await repository.insert(entity);
    return entity;
  }

  /** Applies `changes` in the caller's transaction; null when there is no such item. */
  async update(manager: EntityManager, sku: string, changes: ItemChanges): Promise<ItemEntity | null> {
    const repository = manager.getRepository(ItemEntity);
    if (Object.keys(changes).length > 0) await repository.update(tenantScope({ sku }), { ...changes, updatedAt: new Date() });
    return repository.findOneBy(tenantScope({ sku }));
  }

  findBySku(sku: string): Promise<ItemEntity | null> {
    return this.dataSource.getRepository(ItemEntity).findOneBy(tenantScope({ sku }));
  }

  /** Which of `skus` exist (for feeds, checked per batch). */
  async existing(skus: string[]): Promise<Set<string>> {
    if (skus.length === 0) return new Set();
    const rows: Array<{ sku: string }> = await this.dataSource.query(
      `SELECT sku FROM items WHERE tenant_id = $1 AND sku = ANY($2::text[])`,
      [requireTenant(), skus],
    );
    return new Set(rows.map((row) => row.sku));
  }

  /** A page of items in SKU order, after `afterSku`, optionally of one product group. */
  page(productGroup: string | undefined, afterSku: string | undefined, limit: number): Promise<ItemEntity[]> {
    const builder = this.dataSource
      .getRepository(ItemEntity)
      .createQueryBuilder('i')
      .where('i.tenant_id = :tenantId', { tenantId: requireTenant() })
      .orderBy('i.sku', 'ASC')
      .limit(limit);
    if (productGroup) builder.andWhere('i.product_group = :productGroup', { productGroup });
    if (afterSku !== undefined) builder.andWhere('i.sku > :afterSku', { afterSku });
    return builder.getMany();
  }
}
