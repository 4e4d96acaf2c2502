import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';

export interface TypeOrmOptionsInput {
  databaseUrl: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  service: string;
}

/** Postgres options for a service's own database: schema only through migrations, run on start. */
export function typeOrmOptions({ databaseUrl, entities, migrations, service }: TypeOrmOptionsInput): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities,
    migrations,
    migrationsRun: true,
    synchronize: false,
    applicationName: `baton-${service}`,
    poolSize: 10,
  };
}
