import type { ValueTransformer } from 'typeorm';

/**
 * Money stored as Postgres bigint comes back from pg as a string; it is read as an exact integer
 * and refused when beyond Number.MAX_SAFE_INTEGER rather than silently rounded.
 */
export const BIGINT_AS_NUMBER: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => {
    if (value === null) return null;
    const parsed = Number(value);
    if (!Number.isSafeInteger(parsed)) throw new RangeError(`Amount ${value} is not a safe integer`);
    return parsed;
  },
};
