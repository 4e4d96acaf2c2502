import { QueryFailedError } from 'typeorm';

interface PgDriverError extends Error {
  code?: string;
  constraint?: string;
}

/** The Postgres SQLSTATE and constraint behind a failed query, when it is one. */
function driverErrorOf(error: unknown): PgDriverError | undefined {
  return error instanceof QueryFailedError ? (error.driverError as PgDriverError) : undefined;
}

/** True when `error` is a unique violation (23505), optionally of one named constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const driverError = driverErrorOf(error);
  return driverError?.code === '23505' && (constraint === undefined || driverError.constraint === constraint);
}

/** True when `error` is a foreign-key violation (23503) of the named constraint. */
export function isForeignKeyViolation(error: unknown, constraint: string): boolean {
  const driverError = driverErrorOf(error);
  return driverError?.code === '23503' && driverError.constraint === constraint;
}

/** True for the failures a transaction may simply be retried after: deadlock (40P01), serialization (40001). */
export function isRetryableTransactionError(error: unknown): boolean {
  const code = driverErrorOf(error)?.code;
  return code === '40P01' || code === '40001';
}
