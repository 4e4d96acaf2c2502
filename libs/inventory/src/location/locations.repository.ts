import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { tenantScope } from '@baton/platform';
import { DataSource } from 'typeorm';
import { LocationEntity } from './location.entity';

export type NewLocation = Omit<LocationEntity, 'tenantId' | 'createdAt'>;

/** The only place with queries on locations; every query is scoped to the current tenant. */
@Injectable()
export class LocationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts a location; a duplicate code fails with the `locations_tenant_code_key` violation. */
  async insert(location: NewLocation): Promise<LocationEntity> {
    const repository = this.dataSource.getRepository(LocationEntity);
    const entity = repository.create(tenantScope({ ...location }));
    await repository.insert(entity);
    return entity;
  }

  findAll(): Promise<LocationEntity[]> {
    return this.dataSource.getRepository(LocationEntity).find({ where: tenantScope({}), order: { code: 'ASC' } });
  }
}
