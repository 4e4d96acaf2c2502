import net from 'node:net';
import { freePort, waitFor } from '@baton/testing';
import { type GatewayUnderTest, send, startGateway } from './gateway-under-test';

const ORDER_ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

describe('gateway limits, timeouts and HTTP hardening', () => {
  let gw: GatewayUnderTest;
  let blackHole: net.Server;
  const sockets: net.Socket[] = [];
  let admin: string;

  beforeAll(async () => {
    // A "service" that accepts connections and never answers: calls to it must end at the deadline.
    blackHole = net.createServer((socket) => sockets.push(socket));
    const holePort = await freePort();
    await new Promise<void>((resolve) => blackHole.listen(holePort, '127.0.0.1', resolve));
    gw = await startGateway({
      TRACKING_GRPC_URL: `127.0.0.1:${holePort}`,
      GRPC_TIMEOUT_MS: '60000',
      GATEWAY_MAX_BODY_BYTES: '2048',
      CORS_ORIGINS: 'https://shop.example.com',
    });
    admin = (await gw.request('POST', '/v1/admin/tenants', { body: { id: 'limits', name: 'Limits' } })).body.adminKey.key;
  });

  afterAll(async () => {
    await gw?.stop();
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => blackHole?.close(resolve));
  });

  it('gives a key over its quota 429 with Retry-After while another key is unaffected', async () => {
    const limited = (await gw.request('POST', '/v1/admin/api-keys', { key: admin, body: { name: 'tight', roles: ['admin'], rateLimitPerMinute: 3 } }))
      .body.key as string;
    const statuses: number[] = [];
    let refused: Awaited<ReturnType<GatewayUnderTest['request']>> | undefined;
    for (let i = 0; i < 4; i++) {
      const answer = await gw.request('GET', '/v1/admin/tenant', { key: limited });
      statuses.push(answer.status);
      if (answer.status === 429) refused = answer;
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(refused?.body.code).toBe('TOO_MANY_REQUESTS');
    expect(refused?.headers.get('content-type')).toContain('application/problem+json');
    expect((await gw.request('GET', '/v1/admin/tenant', { key: admin })).status).toBe(200);
  });

  it('limits public routes and failed authentications per client address', async () => {
    const strict = await startGateway({ GATEWAY_PUBLIC_RATE_LIMIT_PER_MINUTE: '2' });
    try {
      const guesses = [];
      for (let i = 0; i < 3; i++) guesses.push((await send(strict.url, 'bk_wrong_guess_000000000000000000000', 'GET', '/v1/admin/tenant')).status);
      expect(guesses).toEqual([401, 401, 429]);
      const hook = '/v1/channels/shopify/00000000-0000-4000-8000-000000000000/orders';
      const webhooks = [];
      for (let i = 0; i < 3; i++) webhooks.push((await send(strict.url, '', 'POST', hook, { key: null, body: {} })).status);
      expect(webhooks).toEqual([401, 401, 429]);
      expect((await send(strict.url, strict.operatorKey, 'GET', '/v1/admin/tenant')).status).toBe(200);
    } finally {
      await strict.stop();
    }
  });

  it('answers 503 at once when a service is not running, not after the deadline', async () => {
    // GRPC_TIMEOUT_MS is 60 s: a 503 within the test timeout can only come from failing fast.
    const answer = await gw.request('GET', `/v1/orders/${ORDER_ID}`, { key: admin });
    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({ code: 'SERVICE_UNAVAILABLE', status: 503 });
  });

  it('answers 503 when a service accepts the call but never answers (the deadline)', async () => {
    const fast = await startGatewayWithTimeout(300);
    try {
      const answer = await send(fast.url, fast.operatorKey, 'GET', `/v1/orders/${ORDER_ID}`);
      expect(answer.status).toBe(503);
    } finally {
      await fast.stop();
    }
  });

  async function startGatewayWithTimeout(ms: number): Promise<GatewayUnderTest> {
    const address = blackHole.address() as net.AddressInfo;
    return startGateway({ ORDERS_GRPC_URL: `127.0.0.1:${address.port}`, GRPC_TIMEOUT_MS: String(ms) });
  }

  it('refuses a body over the size limit with 413 and an unsupported media type with 415', async () => {
    const big = await gw.request('POST', '/v1/admin/partners', { key: admin, body: { id: 'big', name: 'x'.repeat(4000) } });
    expect(big.status).toBe(413);
    expect(big.body.code).toBe('PAYLOAD_TOO_LARGE');
    const xml = await gw.request('POST', '/v1/admin/partners', { key: admin, raw: '<partner/>', headers: { 'content-type': 'application/xml' } });
    expect(xml.status).toBe(415);
    expect(xml.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(await gw.query(`SELECT id FROM partners WHERE id = 'big'`)).toEqual([]);
  });

  it('refuses a page larger than 100 and a forged cursor (400)', async () => {
    const tooBig = await gw.request('GET', '/v1/admin/partners?limit=101', { key: admin });
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.errors[0].field).toBe('limit');
    const forged = await gw.request('GET', '/v1/admin/partners?cursor=eyJrIjoxfQ', { key: admin });
    expect(forged.status).toBe(400);
    expect(forged.body.errors[0].field).toBe('cursor');
  });

  it('sends security headers and echoes the correlation id', async () => {
    const answer = await gw.request('GET', '/v1/admin/tenant', { key: admin, headers: { 'x-correlation-id': 'corr-123' } });
    expect(answer.headers.get('x-correlation-id')).toBe('corr-123');
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('strict-transport-security')).toContain('max-age=');
    expect(answer.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(answer.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(answer.headers.get('x-powered-by')).toBeNull();
  });

  it('allows CORS from the configured origin only', async () => {
    const preflight = (origin: string) =>
      fetch(`${gw.url}/v1/admin/tenant`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
      });
    const allowed = await preflight('https://shop.example.com');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://shop.example.com');
    const other = await preflight('https://evil.example.com');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('never puts a stack trace in a response', async () => {
    const answers = [
      await gw.request('POST', '/v1/admin/partners', { key: admin, raw: '{"id": ', headers: { 'content-type': 'application/json' } }),
      await gw.request('GET', '/v1/no-such-route', { key: admin }),
      await gw.request('GET', `/v1/orders/${ORDER_ID}`, { key: admin }),
      await gw.request('GET', '/v1/admin/api-keys/not-a-uuid', { key: admin }),
    ];
    expect(answers.map((a) => a.status)).toEqual([400, 404, 503, 400]);
    for (const answer of answers) {
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      expect(answer.text).not.toMatch(/\bat .+\.(ts|js):\d+/);
      expect(answer.text).not.toContain('node_modules');
    }
  });

  it('serves the OpenAPI 3.1 document and Swagger UI', async () => {
    const document = await fetch(`${gw.url}/openapi.json`);
    expect(document.status).toBe(200);
    const json = (await document.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(json.openapi).toBe('3.1.0');
    expect(Object.keys(json.paths)).toEqual(expect.arrayContaining(['/v1/orders', '/v1/admin/api-keys']));
    const ui = await fetch(`${gw.url}/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger-ui');
  });

  it('logs every request once answered, with its correlation id, status and key', async () => {
    const lines: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    const logged = await startGateway({ LOG_LEVEL: 'info' });
    try {
      await send(logged.url, logged.operatorKey, 'GET', '/v1/admin/tenant', { headers: { 'x-correlation-id': 'log-corr-1' } });
      const entry = await waitFor(() =>
        lines
          .filter((line) => line.includes('"HttpRequest"'))
          .map((line) => JSON.parse(line) as { msg: string; extra: Record<string, unknown>[] })
          .find((line) => line.extra[0].correlationId === 'log-corr-1'),
      );
      expect(entry.msg).toBe('GET /v1/admin/tenant 200');
      expect(entry.extra[0]).toMatchObject({ status: 200, tenantId: logged.operatorTenant, keyId: expect.any(String) });
      expect(JSON.stringify(entry)).not.toContain(logged.operatorKey);
    } finally {
      spy.mockRestore();
      await logged.stop();
    }
  });
});
