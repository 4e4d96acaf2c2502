import { asObject, type Json } from './json';

/**
 * Rewrites the OpenAPI 3.0 idioms @nestjs/swagger generates into OpenAPI 3.1 (JSON Schema 2020-12):
 * `nullable: true` becomes a `null` type (or an `anyOf` with null around a reference), and a
 * schema `example` becomes `examples: [example]`.
 */
export function toOpenApi31Schemas(schemas: Json): Json {
  const result: Json = {};
  for (const [name, schema] of Object.entries(schemas)) result[name] = toSchema31(schema);
  return result;
}

export function toSchema31(input: unknown): unknown {
  if (Array.isArray(input)) return input.map(toSchema31);
  const source = asObject(input);
  if (!source) return input;
  const schema: Json = {};
  for (const [key, value] of Object.entries(source)) {
    const properties = key === 'properties' ? asObject(value) : undefined;
    if (properties) {
      schema.properties = Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, toSchema31(v)]));
    } else if (key !== 'nullable' && key !== 'example') {
      schema[key] = toSchema31(value);
    }
  }
  if (source.example !== undefined) schema.examples = [source.example];
  return source.nullable === true ? withNull(schema) : schema;
}

function withNull(schema: Json): Json {
  if (typeof schema.type === 'string') {
    const nullable: Json = { ...schema, type: [schema.type, 'null'] };
    if (Array.isArray(schema.enum)) nullable.enum = [...schema.enum, null];
    return nullable;
  }
  if (Array.isArray(schema.type)) return schema.type.includes('null') ? schema : { ...schema, type: [...schema.type, 'null'] };
  const { description, examples, ...rest } = schema;
  const wrapped: Json = { anyOf: [rest, { type: 'null' }] };
  if (description !== undefined) wrapped.description = description;
  if (examples !== undefined) wrapped.examples = examples;
  return wrapped;
}
