import { ValidateIf } from 'class-validator';

/**
 * The field may be left out; when it is sent, it must pass its validators — `null` included, which
 * class-validator's `@IsOptional()` would let through unchecked (and then into the service).
 */
export const MayBeAbsent = (): PropertyDecorator => ValidateIf((_object: object, value: unknown) => value !== undefined);
