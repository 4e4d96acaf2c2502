import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs an UPDATE or DELETE … RETURNING and gives back the rows. TypeORM answers such statements
 * with `[rows, rowCount]` instead of the rows that INSERT and SELECT give.
 */
export async function updateReturning<T>(runner: DataSource | EntityManager, sql: string, parameters: unknown[]): Promise<T[]> {
  const result = (await runner.query(sql, parameters)) as unknown;
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return result as T[];
}
