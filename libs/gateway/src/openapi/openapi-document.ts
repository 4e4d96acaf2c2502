import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { IDEMPOTENCY_HEADER } from '../idempotency/idempotency.interceptor';
import { exampleOf } from './schema-example';
import { problemExample } from './problem-examples';
import { ProblemView } from './problem.view';
import { asArray, asObject, type Json } from './json';
import { toOpenApi31Schemas, toSchema31 } from './openapi-31';

const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;

/**
 * The OpenAPI 3.1 document of the gateway's API (/v1; probes and metrics are for operators and left
 * out), generated from the controllers' decorators and then
 * completed the same way for every route, including routes other teams add: problem+json bodies
 * with an example on every error answer, 401/403/429 on authenticated routes, 400 where there is
 * input, the Idempotency-Key header on every POST, and an example request and response synthesised
 * from the property examples where a route gives none.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('Baton API')
    .setDescription(
      'The Baton order management gateway. Authenticate with "Authorization: Bearer <API key>". Errors are ' +
        'application/problem+json with a code, a message and the invalid fields. Every POST accepts an ' +
        'Idempotency-Key header. Lists are cursor-paginated (limit ≤ 100, nextCursor).',
    )
    .setVersion('1')
    .setLicense('Apache-2.0', 'https://www.apache.org/licenses/LICENSE-2.0')
    .addServer('/', 'This gateway')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An API key (bk_…)' }, 'bearer')
    .addTag('orders', 'Place and read orders, in Baton’s format or a channel’s')
    .addTag('channels', 'Orders in foreign formats: Shopify webhooks and CSV batches')
    .addTag('admin', 'Tenants, partners, API keys and channel connections')
    .addTag('tracking', 'Where orders stand: timelines, customer status, look-up, live events, public parcel tracking, carrier scans in')
    .addTag('webhooks', 'Events out to subscribed systems: signed, retried, logged and replayable')
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    extraModels: [ProblemView],
    operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}`,
  });
  return finishOpenApiDocument(document);
}

/** Completes a generated document (pure; exported for tests). */
export function finishOpenApiDocument(document: OpenAPIObject): OpenAPIObject {
  const doc = document as unknown as Json;
  const components = asObject(doc.components) ?? {};
  doc.components = components;
  components.parameters = {
    ...(asObject(components.parameters) ?? {}),
    IdempotencyKey: {
      name: IDEMPOTENCY_HEADER,
      in: 'header',
      required: false,
      description:
        'Makes the POST safe to retry: the same key with the same body returns the stored response; with another body 422; ' +
        'while the first request runs 409. Scoped to the tenant, kept at least 24 hours.',
      schema: { type: 'string', minLength: 1, maxLength: 255 },
      example: '6f1c1b7e-3a0d-4c55-9b8e-2f4f3b6a9d10',
    },
  };
  const schemas = asObject(components.schemas) ?? {};
  const paths = asObject(doc.paths) ?? {};
  for (const path of Object.keys(paths)) {
    if (!path.startsWith('/v1/')) delete paths[path];
  }
  for (const [path, item] of Object.entries(paths)) {
    for (const method of METHODS) {
      const operation = asObject(asObject(item)?.[method]);
      if (operation) completeOperation(operation, method, path, schemas);
    }
  }
  components.schemas = toOpenApi31Schemas(schemas);
  return document;
}

function completeOperation(operation: Json, method: string, path: string, schemas: Json): void {
  const responses = asObject(operation.responses) ?? {};
  operation.responses = responses;
  const secured = asArray(operation.security).length > 0;
  if (!secured) operation.security = [];
  const parameters = asArray(operation.parameters);
  const hasInput = operation.requestBody !== undefined || parameters.length > 0;
  if (method === 'post') {
    parameters.push({ $ref: '#/components/parameters/IdempotencyKey' });
    responses['409'] ??= { description: 'A request with this Idempotency-Key is still running' };
    responses['422'] ??= { description: 'This Idempotency-Key was used with a different request' };
  }
  operation.parameters = parameters;
  if (hasInput) responses['400'] ??= { description: 'The request is invalid; nothing was stored' };
  if (secured) {
    responses['401'] ??= { description: 'No API key, or an unknown, revoked or expired one' };
    responses['403'] ??= { description: "The key's roles do not allow this route" };
  }
  if (secured || path.startsWith('/v1/')) responses['429'] ??= { description: 'Rate limit exceeded; see Retry-After' };
  for (const param of parameters.map(asObject)) {
    if (!param?.schema) continue;
    if (param.in === 'path' && param.example === undefined) param.example = exampleOf(param.schema, schemas);
    param.schema = toSchema31(param.schema);
  }
  for (const media of Object.values(asObject(asObject(operation.requestBody)?.content) ?? {})) addExample(media, schemas);
  for (const [status, value] of Object.entries(responses)) {
    const response = asObject(value) ?? {};
    if (Number(status) >= 400) {
      response.content ??= {
        'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemView' }, example: problemExample(Number(status)) },
      };
    } else {
      for (const media of Object.values(asObject(response.content) ?? {})) addExample(media, schemas);
    }
  }
}

function addExample(value: unknown, schemas: Json): void {
  const media = asObject(value);
  if (!media?.schema) return;
  if (media.example === undefined && media.examples === undefined) {
    const example = exampleOf(media.schema, schemas);
    if (example !== undefined) media.example = example;
  }
  media.schema = toSchema31(media.schema);
}
