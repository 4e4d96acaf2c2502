import 'reflect-metadata';
import { resolve } from 'node:path';
import { DataSource, DataSourceOptions } from 'typeorm';
import { fulfillmentEntities, fulfillmentMigrations } from '@baton/fulfillment';
import { gatewayEntities, gatewayMigrations } from '@baton/gateway';
import { inventoryEntities, inventoryMigrations } from '@baton/inventory';
import { messagingEntities } from '@baton/messaging';
import { ordersEntities, ordersMigrations } from '@baton/orders';
import { ConfigError, ensureDatabase, loadServiceConfig, typeOrmOptions } from '@baton/platform';
import { returnsMigrations } from '@baton/returns';
import { trackingEntities, trackingMigrations } from '@baton/tracking';
import { EmbeddedDatabase, startEmbeddedPostgres } from './embedded-postgres';

type Persistence = Required<Pick<DataSourceOptions, 'entities' | 'migrations'>>;

const PERSISTENCE: Record<string, Persistence> = {
  inventory: { entities: inventoryEntities, migrations: inventoryMigrations },
  orders: { entities: ordersEntities, migrations: ordersMigrations },
  fulfillment: { entities: fulfillmentEntities, migrations: fulfillmentMigrations },
  returns: { entities: messagingEntities, migrations: returnsMigrations },
  tracking: { entities: trackingEntities, migrations: trackingMigrations },
  gateway: { entities: gatewayEntities, migrations: gatewayMigrations },
};

/**
 * `npm run migrate [service…]`: runs every pending migration of the named services (all by
 * default) against their configured databases, creating a database that does not exist yet.
 * Without any database URL it migrates the embedded database `npm start` uses.
 */
async function main(): Promise<void> {
  const requested = process.argv.slice(2);
  const unknown = requested.filter((name) => !(name in PERSISTENCE));
  if (unknown.length > 0) {
    throw new Error(`Unknown service(s): ${unknown.join(', ')}; choose from ${Object.keys(PERSISTENCE).join(', ')}`);
  }
  const services = requested.length > 0 ? requested : Object.keys(PERSISTENCE);
  const anyUrl = Object.keys(process.env).some((key) => key === 'DATABASE_URL' || key.endsWith('_DATABASE_URL'));
  let embedded: EmbeddedDatabase | undefined;
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (!anyUrl) {
    embedded = await startEmbeddedPostgres(
      resolve(process.env.BATON_DATA_DIR ?? '.data'),
      Number(process.env.BATON_EMBEDDED_PG_PORT ?? 54329),
    );
    for (const service of services) {
      const url = new URL(embedded.serverUrl);
      url.pathname = `/baton_${service}`;
      env[`${service.toUpperCase()}_DATABASE_URL`] = url.toString();
    }
  }
  try {
    for (const service of services) {
      const config = loadServiceConfig(service, env);
      await ensureDatabase(config.databaseUrl);
      const dataSource = new DataSource({
        ...typeOrmOptions({ databaseUrl: config.databaseUrl, service, ...PERSISTENCE[service] }),
        migrationsRun: false,
      } as DataSourceOptions);
      await dataSource.initialize();
      try {
        const applied = await dataSource.runMigrations({ transaction: 'each' });
        process.stdout.write(
          `${service}: ${applied.length === 0 ? 'up to date' : `applied ${applied.map((m) => m.name).join(', ')}`}\n`,
        );
      } finally {
        await dataSource.destroy();
      }
    }
  } finally {
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
