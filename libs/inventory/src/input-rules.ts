import type { FieldViolation } from '@baton/domain';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Codes and SKUs: printable, no spaces, so they survive URLs, CSV feeds and labels unchanged. */
const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}$/;

/**
 * Small field checks shared by the inventory inputs. Each returns the violation it found (or
 * nothing), so a validator can collect every bad field of a request in one pass.
 */
export function requireText(field: string, value: string, maxLength = 200): FieldViolation[] {
  if (value.trim().length === 0) return [{ field, message: 'must not be empty' }];
  if (value.length > maxLength) return [{ field, message: `must be at most ${maxLength} characters` }];
  return [];
}

export function requireIdentifier(field: string, value: string): FieldViolation[] {
  if (value.length === 0) return [{ field, message: 'must not be empty' }];
  if (!IDENTIFIER.test(value)) {
    return [{ field, message: 'must be 1-64 characters: letters, digits and . _ : / - (not first)' }];
  }
  return [];
}

export function requireUuid(field: string, value: string): FieldViolation[] {
  return UUID.test(value) ? [] : [{ field, message: 'must be a UUID' }];
}

export function requirePositiveInteger(field: string, value: number): FieldViolation[] {
  return Number.isSafeInteger(value) && value > 0 ? [] : [{ field, message: 'must be a positive whole number' }];
}

export function requireNonNegativeInteger(field: string, value: number): FieldViolation[] {
  return Number.isSafeInteger(value) && value >= 0 ? [] : [{ field, message: 'must be a whole number ≥ 0' }];
}

export function requireRange(field: string, value: number, min: number, max: number): FieldViolation[] {
  return Number.isFinite(value) && value >= min && value <= max
    ? []
    : [{ field, message: `must be between ${min} and ${max}` }];
}
