import type { DataSource, EntityManager } from 'typeorm';
import { isRetryableTransactionError } from './postgres-errors';

const MAX_ATTEMPTS = 3;

/**
 * Runs `work` in a transaction, retrying it (a few times) when Postgres aborted it as a deadlock
 * victim or a serialization failure — rare, because positions are locked in one global order, but
 * possible where reservation rows and positions are locked by different paths.
 */
export async function inTransaction<T>(dataSource: DataSource, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await dataSource.transaction(work);
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isRetryableTransactionError(error)) throw error;
    }
  }
}
