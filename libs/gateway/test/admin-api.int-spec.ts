import { createHash, randomUUID } from 'node:crypto';
import { type GatewayUnderTest, startGateway } from './gateway-under-test';

describe('gateway admin API: tenants, partners, API keys', () => {
  let gw: GatewayUnderTest;

  beforeAll(async () => {
    gw = await startGateway();
  });

  afterAll(async () => {
    await gw?.stop();
  });

  const createTenant = async (id: string) => {
    const created = await gw.request('POST', '/v1/admin/tenants', { body: { id, name: `Tenant ${id}` } });
    expect(created.status).toBe(201);
    return created.body.adminKey.key as string;
  };

  describe('tenants', () => {
    it('lets the operator create a tenant with a first admin key shown once', async () => {
      const created = await gw.request('POST', '/v1/admin/tenants', { body: { id: 'acme-retail', name: 'ACME Retail' } });
      expect(created.status).toBe(201);
      expect(created.body.tenant).toMatchObject({ id: 'acme-retail', name: 'ACME Retail' });
      const key: string = created.body.adminKey.key;
      expect(key).toMatch(/^bk_[A-Za-z0-9_-]{43}$/);
      expect(created.body.adminKey.apiKey).toMatchObject({ roles: ['admin'], status: 'active', prefix: key.slice(0, 9) });
      const own = await gw.request('GET', '/v1/admin/tenant', { key });
      expect(own.body).toMatchObject({ id: 'acme-retail' });
      const listed = await gw.request('GET', '/v1/admin/api-keys', { key });
      expect(listed.body.items).toHaveLength(1);
      expect(listed.text).not.toContain(key);
    });

    it('stores only the hash of a key', async () => {
      const created = await gw.request('POST', '/v1/admin/tenants', { body: { id: 'hash-check', name: 'Hash' } });
      const key: string = created.body.adminKey.key;
      const rows = await gw.query<{ key_hash: string }>(`SELECT key_hash FROM api_keys WHERE tenant_id = 'hash-check'`);
      expect(rows).toEqual([{ key_hash: createHash('sha256').update(key).digest('hex') }]);
      const anywhere = await gw.query(`SELECT 1 FROM api_keys WHERE key_hash = $1 OR key_prefix = $1 OR name = $1`, [key]);
      expect(anywhere).toEqual([]);
    });

    it('refuses a second tenant with the same id (409) and a bad id (400), storing nothing', async () => {
      await createTenant('dup-tenant');
      const again = await gw.request('POST', '/v1/admin/tenants', { body: { id: 'dup-tenant', name: 'x' } });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('TENANT_EXISTS');
      const bad = await gw.request('POST', '/v1/admin/tenants', { body: { id: 'Bad Id', name: 'x', tenantId: 'evil' } });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['id', 'tenantId']);
      expect(await gw.query(`SELECT id FROM tenants WHERE id IN ('Bad Id', 'evil')`)).toEqual([]);
    });

    it("does not let a tenant's admin create or list tenants (403)", async () => {
      const key = await createTenant('plain-tenant');
      expect((await gw.request('POST', '/v1/admin/tenants', { key, body: { id: 'sneaky', name: 'x' } })).status).toBe(403);
      expect((await gw.request('GET', '/v1/admin/tenants', { key })).status).toBe(403);
      expect(await gw.query(`SELECT id FROM tenants WHERE id = 'sneaky'`)).toEqual([]);
    });

    it('pages through tenants with a cursor, each exactly once', async () => {
      for (const id of ['page-a', 'page-b', 'page-c']) await createTenant(id);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await gw.request(
          'GET',
          `/v1/admin/tenants?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.body.items.map((t) => t.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      const all = await gw.query<{ id: string }>('SELECT id FROM tenants');
      expect(seen.sort()).toEqual(all.map((t) => t.id).sort());
    });
  });

  describe('partners', () => {
    let admin: string;
    const loc = () => randomUUID();

    beforeAll(async () => {
      admin = await createTenant('mall-operator');
    });

    it('creates a partner owning locations, reads and renames it', async () => {
      const [l1, l2] = [loc(), loc()];
      const created = await gw.request('POST', '/v1/admin/partners', { key: admin, body: { id: 'franchise-a', name: 'A', locationIds: [l2, l1] } });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ id: 'franchise-a', name: 'A', locationIds: [l1, l2].sort() });
      const patched = await gw.request('PATCH', '/v1/admin/partners/franchise-a', { key: admin, body: { name: 'A BV', locationIds: [l1] } });
      expect(patched.status).toBe(200);
      expect(patched.body).toMatchObject({ name: 'A BV', locationIds: [l1] });
      expect((await gw.request('GET', '/v1/admin/partners/franchise-a', { key: admin })).body.locationIds).toEqual([l1]);
    });

    it("refuses to give one partner another partner's location (409), changing nothing", async () => {
      const shared = loc();
      await gw.request('POST', '/v1/admin/partners', { key: admin, body: { id: 'owner-1', name: 'O1', locationIds: [shared] } });
      const create = await gw.request('POST', '/v1/admin/partners', { key: admin, body: { id: 'owner-2', name: 'O2', locationIds: [shared] } });
      expect(create.status).toBe(409);
      expect(create.body.code).toBe('LOCATION_OWNED_BY_OTHER_PARTNER');
      expect(await gw.query(`SELECT id FROM partners WHERE id = 'owner-2'`)).toEqual([]);
    });

    it('lets exactly one of many concurrent claims on one location win', async () => {
      const contested = loc();
      for (let i = 0; i < 6; i++) {
        await gw.request('POST', '/v1/admin/partners', { key: admin, body: { id: `racer-${i}`, name: `R${i}` } });
      }
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          gw.request('PATCH', `/v1/admin/partners/racer-${i}`, { key: admin, body: { locationIds: [contested] } }),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
      expect(await gw.query(`SELECT partner_id FROM partner_locations WHERE location_id = $1`, [contested])).toHaveLength(1);
    });

    it('refuses unknown fields and bad location ids (400)', async () => {
      const bad = await gw.request('POST', '/v1/admin/partners', {
        key: admin,
        body: { id: 'bad-partner', name: 'B', locationIds: ['not-a-uuid'], tenantId: 'other' },
      });
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['locationIds', 'tenantId']);
    });
  });

  describe('API keys', () => {
    let admin: string;

    beforeAll(async () => {
      admin = await createTenant('keys-tenant');
      await gw.request('POST', '/v1/admin/partners', { key: admin, body: { id: 'franchise-k', name: 'K' } });
    });

    const issue = (body: Record<string, unknown>) => gw.request('POST', '/v1/admin/api-keys', { key: admin, body });

    it('issues a key that works at once, with its roles', async () => {
      const issued = await issue({ name: 'reader', roles: ['readonly'] });
      expect(issued.status).toBe(201);
      const reader: string = issued.body.key;
      expect((await gw.request('GET', '/v1/admin/api-keys', { key: reader })).status).toBe(403);
      expect((await gw.request('GET', '/v1/admin/api-keys', { key: `${reader}x` })).status).toBe(401);
    });

    it.each([
      [{ name: 'p', roles: ['partner'] }, 'partnerId'],
      [{ name: 'p', roles: ['channel'], partnerId: 'franchise-k' }, 'roles'],
      [{ name: 'p', roles: ['admin'], partnerId: 'franchise-k' }, 'roles'],
      [{ name: 'p', roles: ['partner'], partnerId: 'no-such-partner' }, 'partnerId'],
      [{ name: 'p', roles: ['readonly'], expiresAt: '2001-01-01T00:00:00Z' }, 'expiresAt'],
      [{ name: 'p', roles: ['superuser'] }, 'roles'],
      [{ name: 'p', roles: [] }, 'roles'],
    ])('refuses %j naming %s, storing no key', async (body, field) => {
      const before = await gw.query(`SELECT count(*)::int AS n FROM api_keys`);
      const refused = await issue(body);
      expect(refused.status).toBe(400);
      expect(refused.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await gw.query(`SELECT count(*)::int AS n FROM api_keys`)).toEqual(before);
    });

    it('stops accepting a key after its expiry', async () => {
      const issued = await issue({ name: 'short', roles: ['admin'] });
      const key: string = issued.body.key;
      expect((await gw.request('GET', '/v1/admin/tenant', { key })).status).toBe(200);
      await gw.query(`UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE id = $1`, [issued.body.apiKey.id]);
      const refused = await gw.request('GET', '/v1/admin/tenant', { key });
      expect(refused.status).toBe(401);
      expect(refused.body.code).toBe('API_KEY_INVALID');
      expect((await gw.request('GET', `/v1/admin/api-keys/${issued.body.apiKey.id}`, { key: admin })).body.status).toBe('expired');
    });

    it('rotates a key: the new one works, the old one until its grace expiry, then not', async () => {
      const old = await issue({ name: 'rotating', roles: ['admin'], rateLimitPerMinute: 500 });
      const rotated = await gw.request('POST', `/v1/admin/api-keys/${old.body.apiKey.id}/rotate`, { key: admin, body: { gracePeriodSeconds: 3600 } });
      expect(rotated.status).toBe(201);
      expect(rotated.body.key).not.toBe(old.body.key);
      expect(rotated.body.apiKey).toMatchObject({ name: 'rotating', roles: ['admin'], rateLimitPerMinute: 500, status: 'active' });
      expect((await gw.request('GET', '/v1/admin/tenant', { key: rotated.body.key })).status).toBe(200);
      expect((await gw.request('GET', '/v1/admin/tenant', { key: old.body.key })).status).toBe(200);
      const oldView = (await gw.request('GET', `/v1/admin/api-keys/${old.body.apiKey.id}`, { key: admin })).body;
      expect(oldView).toMatchObject({ status: 'rotating', replacedBy: rotated.body.apiKey.id });
      expect(Date.parse(oldView.expiresAt) - Date.now()).toBeGreaterThan(3000 * 1000);
      const twice = await gw.request('POST', `/v1/admin/api-keys/${old.body.apiKey.id}/rotate`, { key: admin, body: {} });
      expect(twice.status).toBe(409);
      expect(twice.body.code).toBe('API_KEY_ALREADY_ROTATED');
      await gw.query(`UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE id = $1`, [old.body.apiKey.id]);
      expect((await gw.request('GET', '/v1/admin/tenant', { key: old.body.key })).status).toBe(401);
      expect((await gw.request('GET', '/v1/admin/tenant', { key: rotated.body.key })).status).toBe(200);
    });

    it('rotates and revokes with no request body at all (the defaults)', async () => {
      const old = await issue({ name: 'bodiless', roles: ['readonly'] });
      const rotated = await gw.request('POST', `/v1/admin/api-keys/${old.body.apiKey.id}/rotate`, { key: admin });
      expect(rotated.status).toBe(201);
      const revoked = await gw.request('POST', `/v1/admin/api-keys/${rotated.body.apiKey.id}/revoke`, { key: admin });
      expect(revoked.status).toBe(200);
    });

    it('rotates with no grace: the old key stops at once', async () => {
      const old = await issue({ name: 'no-grace', roles: ['readonly'] });
      const rotated = await gw.request('POST', `/v1/admin/api-keys/${old.body.apiKey.id}/rotate`, { key: admin, body: { gracePeriodSeconds: 0 } });
      expect(rotated.status).toBe(201);
      expect((await gw.request('GET', '/v1/orders/7c9e6679-7425-40de-944b-e07fc1f90ae7', { key: old.body.key })).status).toBe(401);
    });

    it('revokes a key at once; revoking again answers the same; a revoked key cannot be rotated', async () => {
      const issued = await issue({ name: 'doomed', roles: ['admin'] });
      const revoked = await gw.request('POST', `/v1/admin/api-keys/${issued.body.apiKey.id}/revoke`, { key: admin });
      expect(revoked.status).toBe(200);
      expect(revoked.body.status).toBe('revoked');
      expect((await gw.request('GET', '/v1/admin/tenant', { key: issued.body.key })).status).toBe(401);
      const again = await gw.request('POST', `/v1/admin/api-keys/${issued.body.apiKey.id}/revoke`, { key: admin });
      expect(again.body.revokedAt).toBe(revoked.body.revokedAt);
      const rotate = await gw.request('POST', `/v1/admin/api-keys/${issued.body.apiKey.id}/rotate`, { key: admin, body: {} });
      expect(rotate.status).toBe(409);
      expect(rotate.body.code).toBe('API_KEY_REVOKED');
    });

    it("answers another tenant's key like a missing one (404) and changes nothing", async () => {
      const other = await createTenant('other-keys');
      const foreign = (await gw.request('POST', '/v1/admin/api-keys', { key: other, body: { name: 'f', roles: ['readonly'] } })).body;
      for (const [method, path] of [
        ['GET', `/v1/admin/api-keys/${foreign.apiKey.id}`],
        ['POST', `/v1/admin/api-keys/${foreign.apiKey.id}/revoke`],
        ['POST', `/v1/admin/api-keys/${foreign.apiKey.id}/rotate`],
      ]) {
        const answer = await gw.request(method, path, { key: admin, body: method === 'POST' ? {} : undefined });
        expect(answer.status).toBe(404);
        expect(answer.body.code).toBe('API_KEY_NOT_FOUND');
      }
      expect((await gw.request('GET', '/v1/admin/tenant', { key: foreign.key })).status).toBe(403);
      const row = await gw.query(`SELECT revoked_at, replaced_by FROM api_keys WHERE id = $1`, [foreign.apiKey.id]);
      expect(row).toEqual([{ revoked_at: null, replaced_by: null }]);
    });
  });
});
