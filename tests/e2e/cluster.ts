import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createTestDatabase, dropTestDatabase, freePort, startServiceProcess, testNatsUrl } from '@baton/testing';

export const SERVICE_NAMES = ['inventory', 'orders', 'fulfillment', 'returns', 'tracking', 'gateway'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

type ServiceProcess = Awaited<ReturnType<typeof startServiceProcess>>;

export interface Cluster {
  gatewayUrl: string;
  inventoryGrpc: string;
  /** Where orders serves gRPC (journeys placing orders the gateway does not take yet). */
  ordersGrpc: string;
  apiKey: string;
  tenantId: string;
  processes: Map<ServiceName, ServiceProcess>;
  databases: Map<ServiceName, string>;
  restart(name: ServiceName): Promise<void>;
  stop(): Promise<void>;
}

const ROOT = join(__dirname, '..', '..');

export interface ClusterOptions {
  /** Extra environment per service (e.g. short retry backoffs for a journey's timing). */
  env?: Partial<Record<ServiceName, NodeJS.ProcessEnv>>;
}

/**
 * Starts the six services as separate Node processes from the build in dist/, each with its own
 * fresh database on the test Postgres and all on the test NATS server, under a stream prefix of
 * their own so runs never see each other's events.
 */
export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const natsUrl = testNatsUrl();
  if (!natsUrl) throw new Error('The e2e suite needs NATS');
  const suffix = randomBytes(4).toString('hex');
  const apiKey = `bk_e2e_${randomBytes(24).toString('base64url')}`;
  const tenantId = `e2e-${suffix}`;
  const ports = new Map<ServiceName, { http: number; grpc: number }>();
  for (const name of SERVICE_NAMES) ports.set(name, { http: await freePort(), grpc: await freePort() });
  const databases = new Map<ServiceName, string>();
  for (const name of SERVICE_NAMES) databases.set(name, await createTestDatabase(`e2e_${name}`));

  const envFor = (name: ServiceName): NodeJS.ProcessEnv => {
    const own = ports.get(name) as { http: number; grpc: number };
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      DATABASE_URL: databases.get(name),
      NATS_URL: natsUrl,
      NATS_STREAM_PREFIX: `E2E_${suffix.toUpperCase()}`,
      HTTP_HOST: '127.0.0.1',
      HTTP_PORT: String(own.http),
      GRPC_URL: `127.0.0.1:${own.grpc}`,
      LOG_LEVEL: 'info',
      GRPC_TIMEOUT_MS: '5000',
    };
    for (const peer of SERVICE_NAMES) {
      if (peer === 'gateway') continue;
      env[`${peer.toUpperCase()}_GRPC_URL`] = `127.0.0.1:${(ports.get(peer) as { grpc: number }).grpc}`;
    }
    if (name === 'gateway') {
      env.GATEWAY_BOOTSTRAP_API_KEY = apiKey;
      env.GATEWAY_BOOTSTRAP_TENANT = tenantId;
    }
    return { ...env, ...options.env?.[name] };
  };

  const processes = new Map<ServiceName, ServiceProcess>();
  const launch = async (name: ServiceName): Promise<void> => {
    const own = ports.get(name) as { http: number };
    processes.set(
      name,
      await startServiceProcess({
        name: `${name}-${suffix}`,
        script: join(ROOT, process.env.BATON_DIST ?? 'dist', 'apps', name, 'src', 'main.js'),
        env: envFor(name),
        readyUrl: `http://127.0.0.1:${own.http}/health/ready`,
        cwd: ROOT,
      }),
    );
  };
  try {
    await Promise.all(SERVICE_NAMES.map((name) => launch(name)));
  } catch (error) {
    await Promise.all([...processes.values()].map((p) => p.kill()));
    throw error;
  }

  return {
    gatewayUrl: `http://127.0.0.1:${(ports.get('gateway') as { http: number }).http}`,
    inventoryGrpc: `127.0.0.1:${(ports.get('inventory') as { grpc: number }).grpc}`,
    ordersGrpc: `127.0.0.1:${(ports.get('orders') as { grpc: number }).grpc}`,
    apiKey,
    tenantId,
    processes,
    databases,
    async restart(name) {
      await processes.get(name)?.stop();
      await launch(name);
    },
    async stop() {
      await Promise.all([...processes.values()].map((p) => p.stop()));
      for (const url of databases.values()) await dropTestDatabase(url);
    },
  };
}
