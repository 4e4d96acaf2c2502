/** A JSON object of an OpenAPI document, read loosely (the generator's types are not exhaustive). */
export type Json = Record<string, unknown>;

/** `value` as a JSON object, or undefined when it is not one. */
export function asObject(value: unknown): Json | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

/** `value` as an array, or an empty one. */
export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
