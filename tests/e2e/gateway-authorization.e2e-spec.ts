import { createHmac } from 'node:crypto';
import type { ordersV1 } from '@baton/contracts';
import type { ApiKeyRole } from '@baton/gateway';
import { GrpcPeer, runWithContext } from '@baton/platform';
import { waitFor } from '@baton/testing';
import { type HttpAnswer, type InProcessCluster, startInProcessCluster } from './gateway-in-process-cluster';

type TenantName = 'one' | 'two';
type PartnerName = 'a' | 'b';
type Kind = 'order' | 'partner' | 'apiKey' | 'connection' | 'fulfillment';

interface Key {
  label: string;
  token: string;
  tenant: TenantName;
  roles: ApiKeyRole[];
  partner?: PartnerName;
}

interface Obj {
  kind: Kind;
  id: string;
  tenant: TenantName;
  /** For objects at a location: the partner owning it. */
  partner?: PartnerName;
  label: string;
}

interface Route {
  operation: string;
  kind: Kind;
  method: 'GET' | 'POST' | 'PATCH';
  path: (o: Obj) => string;
  roles: ApiKeyRole[];
  /** Partner-bound keys see only objects at their partner's locations. */
  partnerScoped: boolean;
  body?: (o: Obj) => unknown;
  /** A write whose success would change the object: only refusals are exercised here. */
  destructive?: boolean;
  /**
   * Another team's route, exercised when the running gateway has it. Its roles are that team's
   * choice, so here only the object boundary is checked: a foreign object is refused (403 or 404),
   * never served or changed.
   */
  optional?: boolean;
}

/** Every operation of the gateway's own (non-service-team) controllers this matrix must cover. */
const OWN_OPERATION_PREFIXES = [
  'OrdersHttp_',
  'OrdersImportHttp_',
  'ShopifyWebhookHttp_',
  'TenantsAdmin_',
  'PartnersAdmin_',
  'ApiKeysAdmin_',
  'ChannelConnectionsAdmin_',
];

const READERS: ApiKeyRole[] = ['channel', 'service', 'readonly', 'partner', 'store'];

const OBJECT_ROUTES: Route[] = [
  { operation: 'OrdersHttp_getOrder', kind: 'order', method: 'GET', path: (o) => `/v1/orders/${o.id}`, roles: READERS, partnerScoped: true },
  {
    // The returns team's deliberate exception: any store may take back any order of its tenant
    // (online orders returned in store), so this route is scoped by tenant only, not by partner.
    operation: 'OrderReturnableHttp_getReturnable',
    kind: 'order',
    method: 'GET',
    path: (o) => `/v1/orders/${o.id}/returnable`,
    roles: READERS,
    partnerScoped: false,
    optional: true,
  },
  {
    operation: 'FulfillmentsHttp_get',
    kind: 'fulfillment',
    method: 'GET',
    path: (o) => `/v1/fulfillments/${o.id}`,
    roles: READERS,
    partnerScoped: true,
    optional: true,
  },
  {
    operation: 'FulfillmentsHttp_accept',
    kind: 'fulfillment',
    method: 'POST',
    path: (o) => `/v1/fulfillments/${o.id}/accept`,
    roles: ['store'],
    partnerScoped: true,
    body: () => ({}),
    destructive: true,
    optional: true,
  },
  ...(['history', 'sourcing'] as const).map(
    (action): Route => ({
      operation: `OrderActionsHttp_${action}`,
      kind: 'order',
      method: 'GET',
      path: (o) => `/v1/orders/${o.id}/${action}`,
      roles: READERS,
      partnerScoped: true,
      optional: true,
    }),
  ),
  ...(['cancel', 'holds', 'release', 'complete'] as const).map(
    (action): Route => ({
      operation: `OrderActionsHttp_${action === 'holds' ? 'hold' : action}`,
      kind: 'order',
      method: 'POST',
      path: (o) => `/v1/orders/${o.id}/${action}`,
      roles: ['service'],
      partnerScoped: true,
      body: () => 'example',
      destructive: true,
      optional: true,
    }),
  ),
  {
    operation: 'OrderTrackingHttp_getTimeline',
    kind: 'order',
    method: 'GET',
    path: (o) => `/v1/orders/${o.id}/timeline`,
    roles: READERS,
    partnerScoped: true,
    optional: true,
  },
  {
    operation: 'OrderTrackingHttp_getStatus',
    kind: 'order',
    method: 'GET',
    path: (o) => `/v1/orders/${o.id}/status`,
    roles: READERS,
    partnerScoped: true,
    optional: true,
  },
  { operation: 'PartnersAdmin_get', kind: 'partner', method: 'GET', path: (o) => `/v1/admin/partners/${o.id}`, roles: ['admin'], partnerScoped: false },
  {
    operation: 'PartnersAdmin_update',
    kind: 'partner',
    method: 'PATCH',
    path: (o) => `/v1/admin/partners/${o.id}`,
    roles: ['admin'],
    partnerScoped: false,
    body: (o) => ({ name: o.label }),
  },
  { operation: 'ApiKeysAdmin_get', kind: 'apiKey', method: 'GET', path: (o) => `/v1/admin/api-keys/${o.id}`, roles: ['admin'], partnerScoped: false },
  {
    operation: 'ApiKeysAdmin_rotate',
    kind: 'apiKey',
    method: 'POST',
    path: (o) => `/v1/admin/api-keys/${o.id}/rotate`,
    roles: ['admin'],
    partnerScoped: false,
    body: () => ({}),
    destructive: true,
  },
  {
    operation: 'ApiKeysAdmin_revoke',
    kind: 'apiKey',
    method: 'POST',
    path: (o) => `/v1/admin/api-keys/${o.id}/revoke`,
    roles: ['admin'],
    partnerScoped: false,
    destructive: true,
  },
  {
    operation: 'ChannelConnectionsAdmin_get',
    kind: 'connection',
    method: 'GET',
    path: (o) => `/v1/admin/channel-connections/${o.id}`,
    roles: ['admin'],
    partnerScoped: false,
  },
];

describe('BOLA/BFLA matrix: two tenants, two partners each, every key on every route and every object', () => {
  let cluster: InProcessCluster;
  const operations: string[] = [];
  const examples = new Map<string, unknown>();
  const keys: Key[] = [];
  const objects: Obj[] = [];
  const secrets = new Map<TenantName, string>();
  const tenantId = (t: TenantName) => `bola-${t}`;
  const allowed = (key: Key, roles: ApiKeyRole[]) => key.roles.includes('admin') || roles.some((r) => key.roles.includes(r));

  const call = (key: Key, method: string, path: string, body?: unknown): Promise<HttpAnswer> =>
    cluster.request(method, path, { key: key.token, body });

  beforeAll(async () => {
    cluster = await startInProcessCluster({ GATEWAY_RATE_LIMIT_PER_MINUTE: '100000' });
    for (const tenant of ['one', 'two'] as const) {
      const created = await cluster.request('POST', '/v1/admin/tenants', { body: { id: tenantId(tenant), name: `Tenant ${tenant}` } });
      const admin: Key = { label: `${tenant}/admin`, token: created.body.adminKey.key, tenant, roles: ['admin'] };
      keys.push(admin);
      const locations: Record<PartnerName, string> = {
        a: await cluster.stockedLocation(tenantId(tenant), `${tenant}-LOC-A`, { 'SKU-A': 100 }),
        b: await cluster.stockedLocation(tenantId(tenant), `${tenant}-LOC-B`, { 'SKU-B': 100 }),
      };
      for (const partner of ['a', 'b'] as const) {
        const made = await call(admin, 'POST', '/v1/admin/partners', {
          id: `${tenant}-partner-${partner}`,
          name: `${tenant}/partner-${partner}`,
          locationIds: [locations[partner]],
        });
        expect(made.status).toBe(201);
        objects.push({ kind: 'partner', id: `${tenant}-partner-${partner}`, tenant, label: `${tenant}/partner-${partner}` });
      }
      const issue = async (label: string, roles: ApiKeyRole[], partner?: PartnerName) => {
        const issued = await call(admin, 'POST', '/v1/admin/api-keys', {
          name: label,
          roles,
          partnerId: partner ? `${tenant}-partner-${partner}` : undefined,
        });
        expect(issued.status).toBe(201);
        keys.push({ label: `${tenant}/${label}`, token: issued.body.key, tenant, roles, partner });
        return issued.body.apiKey.id as string;
      };
      const channel = await issue('channel', ['channel']);
      await issue('store', ['store']);
      await issue('service', ['service']);
      await issue('readonly', ['readonly']);
      await issue('partner-a', ['partner'], 'a');
      await issue('partner-b', ['partner'], 'b');
      await issue('store-a', ['store'], 'a');
      const victim = (await call(admin, 'POST', '/v1/admin/api-keys', { name: 'victim', roles: ['readonly'] })).body.apiKey.id;
      objects.push({ kind: 'apiKey', id: victim, tenant, label: `${tenant}/victim-key` });
      const channelKey = keys.find((k) => k.label === `${tenant}/channel`) as Key;
      expect(channel).toBeTruthy();
      for (const partner of ['a', 'b'] as const) {
        const placed = await call(channelKey, 'POST', '/v1/orders', {
          channel: 'web',
          channelOrderId: `${tenant}-${partner}-1`,
          customerEmail: 'ada@example.com',
          currency: 'EUR',
          deliveryMethod: 'ship_to_address',
          shipTo: { name: 'Ada', line1: 'Damrak 1', city: 'Amsterdam', postalCode: '1012 LG', country: 'NL' },
          lines: [{ sku: partner === 'a' ? 'SKU-A' : 'SKU-B', quantity: 1, unitPriceMinor: 1000 }],
        });
        expect(placed.status).toBe(201);
        expect(placed.body.lines[0].locationId).toBe(locations[partner]);
        objects.push({ kind: 'order', id: placed.body.id, tenant, partner, label: `${tenant}/order-at-${partner}` });
      }
      for (const order of objects.filter((o) => o.kind === 'order' && o.tenant === tenant)) {
        const rows = await waitFor(async () => {
          const found = await cluster.sql<{ id: string }>('fulfillment', `SELECT id FROM fulfillment_orders WHERE order_id = $1`, [order.id]);
          return found.length > 0 ? found : undefined;
        });
        for (const row of rows) objects.push({ kind: 'fulfillment', id: row.id, tenant, partner: order.partner, label: `${order.label}/fulfillment` });
      }
      const secret = `shpss_${tenant}_secret_0123456789abcdef`;
      secrets.set(tenant, secret);
      const connection = await call(admin, 'POST', '/v1/admin/channel-connections', { type: 'shopify', name: `${tenant} shop`, sharedSecret: secret });
      objects.push({ kind: 'connection', id: connection.body.id, tenant, label: `${tenant}/connection` });
    }
    const document = (await (await fetch(`${cluster.gatewayUrl}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { operationId: string; requestBody?: { content: Record<string, { example?: unknown }> } }>>;
    };
    for (const op of Object.values(document.paths).flatMap((item) => Object.values(item))) {
      operations.push(op.operationId);
      const example = Object.values(op.requestBody?.content ?? {})[0]?.example;
      if (example !== undefined) examples.set(op.operationId, example);
    }
  }, 120_000);

  afterAll(async () => {
    await cluster?.stop();
  }, 60_000);

  it('covers every operation of the gateway’s own controllers', async () => {
    const own = operations.filter((id) => OWN_OPERATION_PREFIXES.some((prefix) => id.startsWith(prefix)));
    const covered = new Set([...OBJECT_ROUTES.map((r) => r.operation), ...COLLECTION_OPERATIONS]);
    expect(own.filter((id) => !covered.has(id))).toEqual([]);
  });

  it('lets no key read or write another tenant’s or partner’s object, and refuses forbidden functions with 403', async () => {
    const snapshotBefore = await gatewaySnapshot(cluster);
    const wrong: string[] = [];
    let crossAttempts = 0;
    let ownSuccesses = 0;
    for (const route of OBJECT_ROUTES.filter((r) => !r.optional || operations.includes(r.operation))) {
      for (const object of objects.filter((o) => o.kind === route.kind)) {
        for (const key of keys) {
          const foreignTenant = object.tenant !== key.tenant;
          const foreignPartner = route.partnerScoped && key.partner !== undefined && object.partner !== key.partner;
          const foreign = foreignTenant || foreignPartner;
          if (route.optional && !foreign) continue;
          const expected = !allowed(key, route.roles) ? 403 : foreign ? 404 : 200;
          if (expected === 200 && route.destructive) continue;
          if (expected !== 200) crossAttempts += 1;
          const body = route.body?.(object);
          const answer = await call(key, route.method, route.path(object), body === 'example' ? (examples.get(route.operation) ?? {}) : body);
          // Another team's write may validate its body before looking the object up: a 400 reveals nothing either.
          const ok = route.optional
            ? answer.status === 403 || answer.status === 404 || (route.destructive === true && answer.status === 400)
            : expected === 200
              ? answer.status >= 200 && answer.status < 300
              : answer.status === expected;
          if (!ok) wrong.push(`${key.label} ${route.method} ${route.operation} on ${object.label}: ${answer.status} (expected ${expected})`);
          if (expected === 200 && ok) ownSuccesses += 1;
          if (expected === 404 && answer.text.includes(object.label)) wrong.push(`${key.label} ${route.operation} leaked ${object.label}`);
        }
      }
    }
    process.stdout.write(`BOLA/BFLA matrix: ${crossAttempts} refused attempts, ${ownSuccesses} own-object calls, ${wrong.length} wrong\n`);
    expect(wrong).toEqual([]);
    expect(crossAttempts).toBeGreaterThan(250);
    expect(ownSuccesses).toBeGreaterThan(30);
    const snapshotAfter = await gatewaySnapshot(cluster);
    expect(snapshotAfter).toEqual(snapshotBefore);
  });

  it('shows each key only its own tenant in every list, and partner keys none of the admin lists', async () => {
    const wrong: string[] = [];
    for (const key of keys) {
      for (const path of ['/v1/admin/partners', '/v1/admin/api-keys', '/v1/admin/channel-connections', '/v1/admin/tenant']) {
        const answer = await call(key, 'GET', `${path}?limit=100`.replace('/tenant?limit=100', '/tenant'));
        if (!allowed(key, ['admin'])) {
          if (answer.status !== 403) wrong.push(`${key.label} GET ${path}: ${answer.status} (expected 403)`);
          continue;
        }
        const other = key.tenant === 'one' ? 'two' : 'one';
        const foreign = objects.filter((o) => o.tenant === other);
        for (const object of foreign) {
          if (answer.text.includes(object.label) || (object.kind !== 'partner' && answer.text.includes(object.id))) {
            wrong.push(`${key.label} GET ${path} shows ${object.label}`);
          }
        }
        if (answer.text.includes(tenantId(other))) wrong.push(`${key.label} GET ${path} names tenant ${other}`);
      }
      const tenants = await call(key, 'GET', '/v1/admin/tenants');
      if (tenants.status !== 403) wrong.push(`${key.label} GET /v1/admin/tenants: ${tenants.status} (expected 403: not the operator)`);
      const create = await call(key, 'POST', '/v1/admin/tenants', { id: `evil-${key.tenant}`, name: 'x' });
      if (create.status !== 403) wrong.push(`${key.label} POST /v1/admin/tenants: ${create.status} (expected 403)`);
    }
    expect(wrong).toEqual([]);
  });

  it('creates objects only in the caller’s tenant, whatever the body says (mass assignment refused)', async () => {
    const wrong: string[] = [];
    for (const key of keys) {
      const attempts: [string, unknown, ApiKeyRole[]][] = [
        ['/v1/admin/partners', { id: 'smuggled', name: 'x', tenantId: 'bola-two' }, ['admin']],
        ['/v1/admin/api-keys', { name: 'x', roles: ['admin'], tenantId: 'bola-two' }, ['admin']],
        ['/v1/admin/channel-connections', { type: 'shopify', name: 'x', sharedSecret: 'x'.repeat(20), tenantId: 'bola-two' }, ['admin']],
        ['/v1/orders', { channel: 'web', channelOrderId: 'smuggled', tenantId: 'bola-two', status: 'shipped' }, ['channel']],
        ['/v1/orders/import', undefined, ['channel']],
      ];
      for (const [path, body, roles] of attempts) {
        const answer = await call(key, 'POST', path, body);
        const expected = allowed(key, roles) ? 400 : 403;
        if (answer.status !== expected) wrong.push(`${key.label} POST ${path}: ${answer.status} (expected ${expected})`);
      }
    }
    expect(wrong).toEqual([]);
    expect(await cluster.sql('gateway', `SELECT id FROM partners WHERE id = 'smuggled'`)).toEqual([]);
    expect(await cluster.sql('orders', `SELECT id FROM orders WHERE channel_order_id = 'smuggled'`)).toEqual([]);
  });

  it('keeps one partner id in two tenants apart: each admin reads and changes only its own', async () => {
    const [one, two] = (['one', 'two'] as const).map((t) => keys.find((k) => k.label === `${t}/admin`) as Key);
    expect((await call(one, 'POST', '/v1/admin/partners', { id: 'same-id', name: 'one/same' })).status).toBe(201);
    expect((await call(two, 'POST', '/v1/admin/partners', { id: 'same-id', name: 'two/same' })).status).toBe(201);
    expect((await call(two, 'PATCH', '/v1/admin/partners/same-id', { name: 'two/renamed' })).status).toBe(200);
    expect((await call(one, 'GET', '/v1/admin/partners/same-id')).body.name).toBe('one/same');
    expect((await call(two, 'GET', '/v1/admin/partners/same-id')).body.name).toBe('two/renamed');
  });

  it('has the services check the tenant themselves: a direct gRPC call for another tenant’s order finds nothing', async () => {
    const orders = new GrpcPeer<ordersV1.OrdersServiceClient>('orders', cluster.running.get('orders')?.grpcUrl as string, 5000);
    try {
      const orderOfOne = objects.find((o) => o.kind === 'order' && o.tenant === 'one') as Obj;
      const asTenant = (tenant: string | undefined) =>
        runWithContext({ tenantId: tenant, correlationId: 'defence-in-depth' }, () =>
          orders.call('getOrder', { orderId: orderOfOne.id }).then(
            (found) => ({ kind: 'found', id: found.order?.id }),
            (error: { kind: string }) => ({ kind: error.kind }),
          ),
        );
      expect(await asTenant(tenantId('one'))).toEqual({ kind: 'found', id: orderOfOne.id });
      expect(await asTenant(tenantId('two'))).toEqual({ kind: 'not_found' });
      expect(await asTenant(undefined)).toEqual({ kind: 'unauthenticated' });
    } finally {
      orders.close();
    }
  });

  it("accepts a Shopify webhook only with its own tenant's secret, and places the order in that tenant", async () => {
    const fixture = Buffer.from(JSON.stringify({
      admin_graphql_api_id: 'gid://shopify/Order/4242',
      email: 'jon@example.com',
      currency: 'EUR',
      line_items: [{ sku: 'SKU-A', quantity: 1, price: '10.00' }],
      shipping_address: { name: 'Jon', address1: 'Damrak 1', city: 'Amsterdam', zip: '1012 LG', country_code: 'NL' },
    }));
    const connectionOne = objects.find((o) => o.kind === 'connection' && o.tenant === 'one') as Obj;
    const deliver = (secret: string) =>
      cluster.request('POST', `/v1/channels/shopify/${connectionOne.id}/orders`, {
        key: null,
        raw: fixture,
        headers: { 'content-type': 'application/json', 'x-shopify-hmac-sha256': createHmac('sha256', secret).update(fixture).digest('base64') },
      });
    expect((await deliver(secrets.get('two') as string)).status).toBe(401);
    const placed = await deliver(secrets.get('one') as string);
    expect(placed.status).toBe(201);
    const rows = await cluster.sql<{ tenant_id: string }>('orders', `SELECT tenant_id FROM orders WHERE channel_order_id = '4242'`);
    expect(rows).toEqual([{ tenant_id: tenantId('one') }]);
  });
});

/** Collection routes (no object id: the tenant comes from the key) exercised by the list and create tests. */
const COLLECTION_OPERATIONS = [
  'OrdersHttp_placeOrder',
  'OrdersImportHttp_importCsv',
  'ShopifyWebhookHttp_receive',
  'TenantsAdmin_create',
  'TenantsAdmin_list',
  'TenantsAdmin_current',
  'PartnersAdmin_create',
  'PartnersAdmin_list',
  'ApiKeysAdmin_issue',
  'ApiKeysAdmin_list',
  'ChannelConnectionsAdmin_create',
  'ChannelConnectionsAdmin_list',
];

/** Every row an admin route could change (updated_at aside, which a same-name PATCH may touch). */
async function gatewaySnapshot(cluster: InProcessCluster): Promise<unknown> {
  return {
    partners: await cluster.sql('gateway', `SELECT tenant_id, id, name FROM partners ORDER BY 1, 2`),
    locations: await cluster.sql('gateway', `SELECT * FROM partner_locations ORDER BY 1, 2`),
    keys: await cluster.sql('gateway', `SELECT id, tenant_id, roles, partner_id, expires_at, revoked_at, replaced_by FROM api_keys ORDER BY id`),
    connections: await cluster.sql('gateway', `SELECT * FROM channel_connections ORDER BY id`),
    tenants: await cluster.sql('gateway', `SELECT * FROM tenants ORDER BY id`),
    orders: await cluster.sql('orders', `SELECT id, tenant_id, status FROM orders ORDER BY id`),
    fulfillments: await cluster.sql('fulfillment', `SELECT id, status FROM fulfillment_orders ORDER BY id`),
  };
}
