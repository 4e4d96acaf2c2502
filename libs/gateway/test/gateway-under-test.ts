import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { JsonLogger, bootstrapService, loadServiceConfig, type RunningService } from '@baton/platform';
import { createTestDatabase, dropTestDatabase, freePort } from '@baton/testing';
import { GatewayModule, configureGatewayApp, loadGatewaySettings } from '../src';

export interface HttpResult {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read answers loosely
  body: any;
  text: string;
  headers: Headers;
}

export interface RequestOptions {
  key?: string | null;
  body?: unknown;
  headers?: Record<string, string>;
  raw?: string | Buffer;
}

/** A gateway running in this process on a fresh database, with an operator tenant and its admin key. */
export interface GatewayUnderTest {
  url: string;
  databaseUrl: string;
  operatorKey: string;
  operatorTenant: string;
  service: RunningService;
  request(method: string, path: string, options?: RequestOptions): Promise<HttpResult>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read rows loosely
  query<T = any>(sql: string, params?: unknown[]): Promise<T[]>;
  stop(): Promise<void>;
}

/**
 * Starts the real gateway (bootstrapService, migrations, the bootstrap key) on free ports.
 * Its gRPC peers point wherever `env` says — by default at a port where nothing listens, so routes
 * that call a service answer 503.
 */
export async function startGateway(env: NodeJS.ProcessEnv = {}): Promise<GatewayUnderTest> {
  const databaseUrl = await createTestDatabase('gateway');
  const operatorKey = `bk_test_${randomBytes(24).toString('base64url')}`;
  const operatorTenant = `op-${randomBytes(3).toString('hex')}`;
  const nowhere = `127.0.0.1:${await freePort()}`;
  const fullEnv: NodeJS.ProcessEnv = {
    DATABASE_URL: databaseUrl,
    HTTP_HOST: '127.0.0.1',
    HTTP_PORT: String(await freePort()),
    LOG_LEVEL: 'error',
    ORDERS_GRPC_URL: nowhere,
    TRACKING_GRPC_URL: nowhere,
    INVENTORY_GRPC_URL: nowhere,
    FULFILLMENT_GRPC_URL: nowhere,
    GATEWAY_BOOTSTRAP_API_KEY: operatorKey,
    GATEWAY_BOOTSTRAP_TENANT: operatorTenant,
    ...env,
  };
  const config = loadServiceConfig('gateway', fullEnv);
  const service = await bootstrapService({
    service: 'gateway',
    module: GatewayModule.forRoot({ config, settings: loadGatewaySettings(fullEnv) }),
    config,
    logger: new JsonLogger('gateway', 'error', () => undefined),
    configure: configureGatewayApp,
  });
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  return {
    url: service.httpUrl,
    databaseUrl,
    operatorKey,
    operatorTenant,
    service,
    request: (method, path, options = {}) => send(service.httpUrl, operatorKey, method, path, options),
    async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
      return (await db.query(sql, params)).rows as T[];
    },
    async stop() {
      await db.end();
      await service.close();
      await dropTestDatabase(databaseUrl);
    },
  };
}

export async function send(base: string, defaultKey: string, method: string, path: string, options: RequestOptions = {}): Promise<HttpResult> {
  const key = options.key === undefined ? defaultKey : options.key;
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (key !== null) headers.authorization = `Bearer ${key}`;
  let body: string | Buffer | undefined;
  if (options.raw !== undefined) body = options.raw;
  else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${base}${path}`, { method, headers, body });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: response.status, body: parsed, text, headers: response.headers };
}
