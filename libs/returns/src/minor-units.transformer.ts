import type { ValueTransformer } from 'typeorm';

/**
 * Money and counts stored as Postgres bigint come back from pg as strings; they are read as exact
 * integers and refused when beyond Number.MAX_SAFE_INTEGER rather than silently rounded.
 */
export const minorUnitsTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => {
    if (value === null) return null;
    const parsed = Number(value);
    if (!Number.isSafeInteger(parsed)) throw new RangeError(`Amount ${value} is not a safe integer`);
    return parsed;
  },
};
