import type { ValueTransformer } from 'typeorm';

/**
 * pg returns int8 as a string to avoid precision loss; quantities and minor units stay far below
 * 2^53, and the contracts carry int64 as `number`, so entities hold numbers.
 */
export const BIGINT_AS_NUMBER: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
