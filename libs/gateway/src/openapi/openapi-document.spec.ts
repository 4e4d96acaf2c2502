import type { OpenAPIObject } from '@nestjs/swagger';
import { finishOpenApiDocument } from './openapi-document';
import { toSchema31 } from './openapi-31';

function generated(): OpenAPIObject {
  return {
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths: {
      '/health/live': { get: { responses: { '200': { description: '' } } } },
      '/v1/things': {
        post: {
          security: [{ bearer: [] }],
          requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/NewThing' } } } },
          responses: { '201': { description: 'made', content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } } },
        },
      },
      '/v1/hooks/{id}': {
        post: { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }], responses: { '200': { description: 'ok' } } },
      },
    },
    components: {
      schemas: {
        NewThing: { type: 'object', properties: { name: { type: 'string', example: 'widget' }, size: { type: 'integer', minimum: 1 } } },
        Thing: {
          type: 'object',
          properties: { id: { type: 'string', format: 'uuid' }, note: { type: 'string', nullable: true, example: null }, owner: { $ref: '#/components/schemas/NewThing' } },
        },
      },
    },
  } as unknown as OpenAPIObject;
}

describe(finishOpenApiDocument.name, () => {
  const doc = finishOpenApiDocument(generated()) as any;
  const post = doc.paths['/v1/things'].post;

  it('keeps only the API (/v1), not probes and metrics', () => {
    expect(Object.keys(doc.paths)).toEqual(['/v1/things', '/v1/hooks/{id}']);
  });

  it('adds the Idempotency-Key header to every POST', () => {
    expect(post.parameters).toContainEqual({ $ref: '#/components/parameters/IdempotencyKey' });
    expect(doc.paths['/v1/hooks/{id}'].post.parameters).toContainEqual({ $ref: '#/components/parameters/IdempotencyKey' });
    expect(doc.components.parameters.IdempotencyKey).toMatchObject({ name: 'Idempotency-Key', in: 'header' });
  });

  it('documents the answers every authenticated route can give, as problem+json with examples', () => {
    for (const status of ['400', '401', '403', '409', '422', '429']) {
      const media = post.responses[status].content['application/problem+json'];
      expect(media.schema).toEqual({ $ref: '#/components/schemas/ProblemView' });
      expect(media.example.status).toBe(Number(status));
    }
    const hook = doc.paths['/v1/hooks/{id}'].post;
    expect(hook.security).toEqual([]);
    expect(hook.responses['401']).toBeUndefined();
    expect(hook.responses['429']).toBeDefined();
  });

  it('synthesises request, response and path examples from the schema', () => {
    expect(post.requestBody.content['application/json'].example).toEqual({ name: 'widget', size: 1 });
    expect(post.responses['201'].content['application/json'].example).toEqual({
      id: '0b7f1c2e-4c1a-4d8e-9a57-0c1f7b9d2e11',
      note: null,
      owner: { name: 'widget', size: 1 },
    });
    expect(doc.paths['/v1/hooks/{id}'].post.parameters[0].example).toBe('0b7f1c2e-4c1a-4d8e-9a57-0c1f7b9d2e11');
  });

  it('rewrites the schemas as OpenAPI 3.1', () => {
    expect(doc.components.schemas.Thing.properties.note).toEqual({ type: ['string', 'null'], examples: [null] });
    expect(doc.components.schemas.NewThing.properties.name).toEqual({ type: 'string', examples: ['widget'] });
  });
});

describe(toSchema31.name, () => {
  it('wraps a nullable reference in anyOf with null, keeping its description', () => {
    expect(toSchema31({ allOf: [{ $ref: '#/components/schemas/X' }], nullable: true, description: 'd' })).toEqual({
      anyOf: [{ allOf: [{ $ref: '#/components/schemas/X' }] }, { type: 'null' }],
      description: 'd',
    });
  });

  it('adds null to a nullable enum', () => {
    expect(toSchema31({ type: 'string', enum: ['a'], nullable: true })).toEqual({ type: ['string', 'null'], enum: ['a', null] });
  });

  it('rewrites nested property and item schemas', () => {
    expect(toSchema31({ type: 'array', items: { type: 'integer', nullable: true, example: 3 } })).toEqual({
      type: 'array',
      items: { type: ['integer', 'null'], examples: [3] },
    });
  });
});
