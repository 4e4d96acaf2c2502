import { createHmac, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { waitFor } from '@baton/testing';
import { type InProcessCluster, type InProcessService, startInProcessCluster } from './gateway-in-process-cluster';

type Json = Record<string, any>;

interface Operation {
  method: 'POST' | 'PATCH' | 'PUT';
  path: string;
  operationId: string;
  contentType: string;
  example: unknown;
}

/** Databases whose content a refused request must leave as it was. */
const CHECKED: InProcessService[] = ['gateway', 'orders', 'inventory'];
const RUNS_PER_OPERATION = Number(process.env.GATEWAY_FUZZ_RUNS ?? 20);
const UNKNOWN_FIELDS = ['tenantId', 'status', 'totalMinor', 'reserved', 'id', 'createdAt', '__proto__', 'constructor'];

/** Changes one thing in a valid example: drops, retypes or adds a field, at any depth. */
function mutant(example: unknown): fc.Arbitrary<unknown> {
  const paths: string[][] = [];
  const walk = (value: unknown, path: string[]) => {
    if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value as Json)) {
        paths.push([...path, key]);
        walk(child, [...path, key]);
      }
    }
  };
  walk(example, []);
  if (paths.length === 0) return fc.jsonValue();
  const hostile = fc.oneof(
    fc.jsonValue(),
    fc.constantFrom(null, '', -1, 0, 1e308, -1e308, 2 ** 53, 'x'.repeat(5000), [], {}, true, '1; DROP TABLE orders', '../../etc/passwd'),
  );
  return fc.tuple(fc.constantFrom(...paths), fc.constantFrom('drop', 'replace', 'add'), hostile, fc.constantFrom(...UNKNOWN_FIELDS)).map(
    ([path, action, value, field]) => {
      const copy = JSON.parse(JSON.stringify(example)) as Json;
      let parent: any = copy;
      for (const key of path.slice(0, -1)) parent = parent[key];
      const last = path[path.length - 1];
      if (action === 'drop') delete parent[last];
      else if (action === 'replace') parent[last] = value;
      else if (parent[last] !== null && typeof parent[last] === 'object' && !Array.isArray(parent[last])) parent[last][field] = value;
      else copy[field] = value;
      return copy;
    },
  );
}

/** The example without each field (at any depth), and with each field a client may never set added at the top. */
function variants(example: unknown): unknown[] {
  const result: unknown[] = [];
  const drop = (value: unknown, path: string[]) => {
    if (value === null || typeof value !== 'object') return;
    for (const key of Object.keys(value as Json)) {
      const copy = JSON.parse(JSON.stringify(example)) as Json;
      let parent: any = copy;
      for (const step of path) parent = parent[step];
      delete parent[key];
      result.push(copy);
      drop((value as Json)[key], [...path, key]);
    }
  };
  drop(example, []);
  for (const field of UNKNOWN_FIELDS.slice(0, 4)) result.push({ ...(example as Json), [field]: 'x' });
  return result;
}

function csvMutant(example: string): fc.Arbitrary<string> {
  const rows = example.split('\n').map((r) => r.split(','));
  return fc
    .tuple(fc.nat(rows.length - 1), fc.nat(rows[0].length - 1), fc.oneof(fc.string(), fc.constantFrom('', '"', '-5', '1e9', 'status', '"unclosed')))
    .map(([row, column, value]) => rows.map((cells, r) => cells.map((cell, c) => (r === row && c === column ? value : cell)).join(',')).join('\n'));
}

describe('fuzzing every POST/PATCH route of the gateway: never a 5xx, nothing stored on a 4xx', () => {
  let cluster: InProcessCluster;
  let admin: string;
  let victimKeyId: string;
  let connectionId: string;
  const secret = 'shpss_fuzz_secret_0123456789abcdef';
  const fingerprints = new Map<InProcessService, string>();

  const fingerprintQuery = async (service: InProcessService): Promise<string> => {
    const cached = fingerprints.get(service);
    if (cached) return cached;
    const tables = await cluster.sql<{ table_name: string }>(
      service,
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
         AND table_name NOT IN ('outbox_events', 'inbox_events') ORDER BY 1`,
    );
    // Every write leaves row versions with a new xmin: a table's row count and newest xmin change
    // with any insert, update or delete that committed.
    const parts = tables.map(
      (t) => `SELECT '${t.table_name}:' || count(*) || ':' || coalesce(max(x.xmin::text::bigint), 0) AS row FROM "${t.table_name}" x`,
    );
    const hasOutbox = (await cluster.sql(service, `SELECT 1 FROM information_schema.tables WHERE table_name = 'outbox_events'`)).length > 0;
    if (hasOutbox) parts.push(`SELECT 'outbox:' || count(*)::text FROM outbox_events`);
    const sql = `SELECT string_agg(row, '|' ORDER BY row) AS hash FROM (${parts.join(' UNION ALL ')}) s`;
    fingerprints.set(service, sql);
    return sql;
  };
  const state = async (): Promise<string[]> =>
    Promise.all(CHECKED.map(async (s) => (await cluster.sql<{ hash: string }>(s, await fingerprintQuery(s)))[0].hash));
  /** After a success, waits until every event it caused has been handled (outboxes drained). */
  const settle = async () => {
    for (const service of ['inventory', 'orders', 'fulfillment', 'tracking'] as InProcessService[]) {
      await waitFor(async () => {
        const rows = await cluster.sql<{ n: number }>(service, `SELECT count(*)::int AS n FROM outbox_events WHERE published_at IS NULL`);
        return rows[0].n === 0;
      });
    }
  };

  beforeAll(async () => {
    cluster = await startInProcessCluster({ GATEWAY_RATE_LIMIT_PER_MINUTE: '1000000', GATEWAY_MAX_BODY_BYTES: '65536' });
    admin = (await cluster.request('POST', '/v1/admin/tenants', { body: { id: 'fuzz', name: 'Fuzz' } })).body.adminKey.key;
    await cluster.stockedLocation('fuzz', 'FUZZ-WH', { 'TSHIRT-BLUE-M': 50, 'TSHIRT-RED-L': 50, IPOD2008PINK: 50 });
    await cluster.request('POST', '/v1/admin/partners', { key: admin, body: { id: 'franchise-north', name: 'North' } });
    victimKeyId = (await cluster.request('POST', '/v1/admin/api-keys', { key: admin, body: { name: 'victim', roles: ['readonly'] } })).body.apiKey.id;
    connectionId = (
      await cluster.request('POST', '/v1/admin/channel-connections', { key: admin, body: { type: 'shopify', name: 'Fuzz shop', sharedSecret: secret } })
    ).body.id;
  }, 120_000);

  afterAll(async () => {
    await cluster?.stop();
  }, 60_000);

  it('holds for every operation in /openapi.json', async () => {
    const document = (await (await fetch(`${cluster.gatewayUrl}/openapi.json`)).json()) as Json;
    const operations: Operation[] = [];
    for (const [path, item] of Object.entries<Json>(document.paths)) {
      for (const method of ['post', 'patch', 'put']) {
        const op = item[method];
        if (!op) continue;
        const [contentType, media] = Object.entries<Json>(op.requestBody?.content ?? { 'application/json': {} })[0];
        operations.push({ method: method.toUpperCase() as Operation['method'], path, operationId: op.operationId, contentType, example: media.example });
      }
    }
    expect(operations.length).toBeGreaterThanOrEqual(10);
    const failures: string[] = [];
    /** The state after the last refused request: nothing changed since, so it is the next request's "before". */
    let known: string[] | undefined;
    const statuses = new Map<number, number>();
    for (const operation of operations) {
      const url = operation.path.replace(/\{(\w+)\}/g, (_m, name: string) => {
        if (operation.path.startsWith('/v1/admin/partners')) return 'franchise-north';
        if (operation.path.startsWith('/v1/admin/api-keys')) return victimKeyId;
        if (name === 'connectionId') return connectionId;
        return randomUUID();
      });
      const isCsv = operation.contentType === 'text/csv';
      const bodies: fc.Arbitrary<{ raw: string; type: string }> = isCsv
        ? fc.oneof(csvMutant(String(operation.example ?? 'a,b\n1,2')), fc.string()).map((raw) => ({ raw, type: 'text/csv' }))
        : fc.oneof(
            { weight: 3, arbitrary: mutant(operation.example ?? {}).map((v) => ({ raw: JSON.stringify(v) ?? 'null', type: 'application/json' })) },
            { weight: 1, arbitrary: fc.jsonValue().map((v) => ({ raw: JSON.stringify(v) ?? 'null', type: 'application/json' })) },
            { weight: 1, arbitrary: fc.string().map((raw) => ({ raw, type: 'application/json' })) },
            {
              weight: 1,
              arbitrary: fc.tuple(fc.string(), fc.constantFrom('text/plain', 'application/xml', 'text/csv')).map(([raw, type]) => ({ raw, type })),
            },
          );
      const probe = async ({ raw, type }: { raw: string; type: string }): Promise<void> => {
        const before = known ?? (await state());
        known = undefined;
        const headers: Record<string, string> = { 'content-type': type };
        if (operation.operationId.startsWith('ShopifyWebhookHttp_')) {
          headers['x-shopify-hmac-sha256'] = createHmac('sha256', secret).update(raw).digest('base64');
        }
        const key = operation.operationId === 'TenantsAdmin_create' ? cluster.operatorKey : admin;
        const answer = await cluster.request(operation.method, url, { key, raw, headers });
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        if (answer.status >= 500) throw new Error(`${operation.method} ${operation.path} answered ${answer.status}: ${answer.text}`);
        if (answer.status >= 400) {
          const after = await state();
          if (after.join() !== before.join()) throw new Error(`${operation.method} ${operation.path} answered ${answer.status} but stored something`);
          known = after;
        } else {
          await settle();
        }
      };
      // Deterministic first: the example without each of its fields, and with fields clients may not set.
      if (!isCsv && operation.example !== null && typeof operation.example === 'object') {
        for (const variant of variants(operation.example)) {
          const raw = JSON.stringify(variant);
          await probe({ raw, type: 'application/json' }).catch((error: Error) => failures.push(`${error.message} — body ${raw.slice(0, 300)}`));
        }
      }
      await fc
        .assert(fc.asyncProperty(bodies, probe), { numRuns: RUNS_PER_OPERATION, endOnFailure: true })
        .catch((error: Error) => {
          const cause = error.cause instanceof Error ? error.cause.message : '';
          const example = /Counterexample: (.*)/.exec(error.message)?.[1] ?? '';
          failures.push(`${operation.method} ${operation.path}: ${cause.slice(0, 400)} — body ${example.slice(0, 1500)}`);
        });
    }
    process.stdout.write(
      `fuzzed ${operations.length} operations (${[...statuses.values()].reduce((a, b) => a + b, 0)} requests, ${RUNS_PER_OPERATION} random bodies each); answers: ${JSON.stringify(Object.fromEntries([...statuses].sort()))}\n`,
    );
    expect(failures).toEqual([]);
  });
});
