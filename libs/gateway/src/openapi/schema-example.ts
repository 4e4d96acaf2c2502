import { asArray, asObject, type Json } from './json';

const FORMAT_EXAMPLES: Record<string, unknown> = {
  'date-time': '2026-11-02T09:30:00.000Z',
  date: '2026-11-02',
  uuid: '0b7f1c2e-4c1a-4d8e-9a57-0c1f7b9d2e11',
  email: 'ada@example.com',
  uri: 'https://shop.example.com',
};

/**
 * An example value for a (3.0-style, as generated) schema, built from the examples of its
 * properties: `example`, then `default`, then the first enum value, then one by format or type.
 */
export function exampleOf(input: unknown, schemas: Json, seen: string[] = []): unknown {
  const schema = asObject(input);
  if (!schema) return undefined;
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace('#/components/schemas/', '');
    if (seen.includes(name)) return undefined;
    return exampleOf(schemas[name], schemas, [...seen, name]);
  }
  if (schema.example !== undefined) return schema.example;
  if (asArray(schema.examples).length > 0) return asArray(schema.examples)[0];
  if (schema.default !== undefined) return schema.default;
  if (asArray(schema.enum).length > 0) return asArray(schema.enum)[0];
  for (const key of ['allOf', 'oneOf', 'anyOf']) {
    if (!Array.isArray(schema[key])) continue;
    const parts = asArray(schema[key])
      .map((part) => exampleOf(part, schemas, seen))
      .filter((value) => value !== undefined);
    if (key === 'allOf' && parts.every((part) => asObject(part))) return Object.assign({}, ...parts);
    return parts[0];
  }
  if (schema.type === 'array') {
    const item = exampleOf(schema.items, schemas, seen);
    return item === undefined ? [] : [item];
  }
  if (schema.type === 'object' || schema.properties) {
    const result: Json = {};
    for (const [name, property] of Object.entries(asObject(schema.properties) ?? {})) {
      const value = exampleOf(property, schemas, seen);
      if (value !== undefined) result[name] = value;
    }
    return result;
  }
  if (typeof schema.format === 'string' && schema.format in FORMAT_EXAMPLES) return FORMAT_EXAMPLES[schema.format];
  if (schema.type === 'integer' || schema.type === 'number') return typeof schema.minimum === 'number' ? schema.minimum : 1;
  if (schema.type === 'boolean') return true;
  if (schema.type === 'string') return 'string';
  return undefined;
}
