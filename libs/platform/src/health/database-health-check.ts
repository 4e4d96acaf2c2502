import type { DataSource } from 'typeorm';
import type { HealthCheck } from './health-checks';

/** Readiness check that the service's database answers a trivial query. */
export function databaseHealthCheck(dataSource: DataSource): HealthCheck {
  return {
    name: 'database',
    async check(): Promise<void> {
      if (!dataSource.isInitialized) throw new Error('database connection is not initialised');
      await dataSource.query('SELECT 1');
    },
  };
}
