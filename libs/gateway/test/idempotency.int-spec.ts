import { Client } from 'pg';
import { waitFor } from '@baton/testing';
import { IdempotencySweeper } from '../src/idempotency/idempotency-sweeper';
import { type GatewayUnderTest, startGateway } from './gateway-under-test';

describe('idempotency keys on POST (Stripe semantics)', () => {
  let gw: GatewayUnderTest;
  let admin: string;
  let otherAdmin: string;

  beforeAll(async () => {
    gw = await startGateway();
    admin = (await gw.request('POST', '/v1/admin/tenants', { body: { id: 'idem-a', name: 'A' } })).body.adminKey.key;
    otherAdmin = (await gw.request('POST', '/v1/admin/tenants', { body: { id: 'idem-b', name: 'B' } })).body.adminKey.key;
  });

  afterAll(async () => {
    await gw?.stop();
  });

  const post = (path: string, body: unknown, idempotencyKey: string, key = admin) =>
    gw.request('POST', path, { key, body, headers: { 'Idempotency-Key': idempotencyKey } });
  const count = async (sql: string, params: unknown[] = []) => (await gw.query<{ n: number }>(sql, params))[0].n;

  it('answers 10 sequential retries with the stored response, byte for byte, and runs once', async () => {
    const body = { name: 'sequential', roles: ['readonly'] };
    const first = await post('/v1/admin/api-keys', body, 'seq-1');
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    for (let i = 0; i < 10; i++) {
      const again = await post('/v1/admin/api-keys', body, 'seq-1');
      expect(again.status).toBe(201);
      expect(again.text).toBe(first.text);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
    }
    expect(await count(`SELECT count(*)::int AS n FROM api_keys WHERE name = 'sequential'`)).toBe(1);
  });

  it('runs one of 10 concurrent requests; the others get its response or 409 while it runs', async () => {
    const body = { name: 'concurrent', roles: ['readonly'] };
    const answers = await Promise.all(Array.from({ length: 10 }, () => post('/v1/admin/api-keys', body, 'conc-1')));
    const created = answers.filter((a) => a.status === 201);
    const busy = answers.filter((a) => a.status === 409);
    expect(created.length + busy.length).toBe(10);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((a) => a.text)).size).toBe(1);
    for (const answer of busy) expect(answer.body.code).toBe('IDEMPOTENCY_KEY_IN_USE');
    expect(await count(`SELECT count(*)::int AS n FROM api_keys WHERE name = 'concurrent'`)).toBe(1);
    expect((await post('/v1/admin/api-keys', body, 'conc-1')).text).toBe(created[0].text);
  });

  it('answers 409 while the first request is in flight and 422 for another body, then replays', async () => {
    const lock = new Client({ connectionString: gw.databaseUrl });
    await lock.connect();
    try {
      await lock.query('BEGIN');
      await lock.query('LOCK TABLE partners IN EXCLUSIVE MODE');
      const body = { id: 'in-flight', name: 'In flight' };
      const first = post('/v1/admin/partners', body, 'flight-1');
      await waitFor(async () => (await count(`SELECT count(*)::int AS n FROM idempotency_keys WHERE key = 'flight-1' AND state = 'in_flight'`)) === 1);
      const during = await post('/v1/admin/partners', body, 'flight-1');
      expect(during.status).toBe(409);
      expect(during.body.code).toBe('IDEMPOTENCY_KEY_IN_USE');
      const other = await post('/v1/admin/partners', { ...body, name: 'Changed' }, 'flight-1');
      expect(other.status).toBe(422);
      expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
      await lock.query('COMMIT');
      const done = await first;
      expect(done.status).toBe(201);
      const replay = await post('/v1/admin/partners', body, 'flight-1');
      expect(replay.status).toBe(201);
      expect(replay.text).toBe(done.text);
    } finally {
      await lock.end();
    }
  });

  it('compares bodies by value: the same JSON with other key order replays; another path is a mismatch', async () => {
    const first = await post('/v1/admin/api-keys', { name: 'order', roles: ['readonly'] }, 'order-1');
    const reordered = await gw.request('POST', '/v1/admin/api-keys', {
      key: admin,
      raw: '{ "roles": ["readonly"],  "name": "order" }',
      headers: { 'content-type': 'application/json', 'Idempotency-Key': 'order-1' },
    });
    expect(reordered.text).toBe(first.text);
    expect((await post('/v1/admin/partners', { id: 'x-order', name: 'order' }, 'order-1')).status).toBe(422);
  });

  it('does not store invalid input (400): the key can be used again once the body is fixed', async () => {
    const invalid = await post('/v1/admin/api-keys', { name: 'fixed', roles: ['nope'] }, 'fix-1');
    expect(invalid.status).toBe(400);
    expect(await count(`SELECT count(*)::int AS n FROM idempotency_keys WHERE key = 'fix-1'`)).toBe(0);
    const valid = await post('/v1/admin/api-keys', { name: 'fixed', roles: ['readonly'] }, 'fix-1');
    expect(valid.status).toBe(201);
  });

  it('replays a refusal by the rules (409) exactly, as problem+json', async () => {
    await post('/v1/admin/partners', { id: 'taken', name: 'T' }, 'taken-1');
    const refused = await post('/v1/admin/partners', { id: 'taken', name: 'T' }, 'taken-2');
    expect(refused.status).toBe(409);
    const replay = await post('/v1/admin/partners', { id: 'taken', name: 'T' }, 'taken-2');
    expect(replay.status).toBe(409);
    expect(replay.text).toBe(refused.text);
    expect(replay.headers.get('content-type')).toContain('application/problem+json');
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
  });

  it('scopes keys per tenant: the same key in another tenant is another request', async () => {
    const a = await post('/v1/admin/partners', { id: 'scoped', name: 'A' }, 'shared-key');
    const b = await post('/v1/admin/partners', { id: 'scoped', name: 'B' }, 'shared-key', otherAdmin);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body.name).toBe('B');
  });

  it('keeps keys at least 24 hours, then lets an expired key be reused', async () => {
    await post('/v1/admin/api-keys', { name: 'ttl', roles: ['readonly'] }, 'ttl-1');
    const [row] = await gw.query<{ hours: number }>(
      `SELECT extract(epoch FROM expires_at - created_at) / 3600 AS hours FROM idempotency_keys WHERE key = 'ttl-1'`,
    );
    expect(Number(row.hours)).toBeGreaterThanOrEqual(24);
    await gw.query(`UPDATE idempotency_keys SET expires_at = now() - interval '1 second' WHERE key = 'ttl-1'`);
    const reused = await post('/v1/admin/api-keys', { name: 'ttl-other', roles: ['readonly'] }, 'ttl-1');
    expect(reused.status).toBe(201);
    expect(reused.body.apiKey.name).toBe('ttl-other');
  });

  it('takes over a claim left in flight by a crashed request only once it is stale', async () => {
    const body = { name: 'crashed', roles: ['readonly'] };
    const first = await post('/v1/admin/api-keys', body, 'crash-1');
    await gw.query(`UPDATE idempotency_keys SET state = 'in_flight', locked_at = now() WHERE key = 'crash-1'`);
    expect((await post('/v1/admin/api-keys', body, 'crash-1')).status).toBe(409);
    await gw.query(`UPDATE idempotency_keys SET locked_at = now() - interval '10 minutes' WHERE key = 'crash-1'`);
    const retried = await post('/v1/admin/api-keys', body, 'crash-1');
    expect(retried.status).toBe(201);
    expect(retried.body.apiKey.id).not.toBe(first.body.apiKey.id);
  });

  it('refuses a malformed key (400) and ignores the header on GET', async () => {
    const bad = await post('/v1/admin/api-keys', { name: 'k', roles: ['readonly'] }, 'x'.repeat(256));
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('Idempotency-Key');
    const get = await gw.request('GET', '/v1/admin/tenant', { key: admin, headers: { 'Idempotency-Key': 'get-1' } });
    expect(get.status).toBe(200);
    expect(await count(`SELECT count(*)::int AS n FROM idempotency_keys WHERE key = 'get-1'`)).toBe(0);
  });

  it('sweeps expired keys', async () => {
    await post('/v1/admin/api-keys', { name: 'sweep', roles: ['readonly'] }, 'sweep-1');
    await gw.query(`UPDATE idempotency_keys SET expires_at = now() - interval '1 second' WHERE key = 'sweep-1'`);
    const swept = await gw.service.app.get(IdempotencySweeper).sweep();
    expect(swept).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM idempotency_keys WHERE expires_at <= now()`)).toBe(0);
  });
});
