import 'reflect-metadata';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FulfillmentModule } from '@baton/fulfillment';
import { GatewayModule, configureGatewayApp, generateApiKey, loadGatewaySettings } from '@baton/gateway';
import { InventoryModule } from '@baton/inventory';
import { InProcessEventBus } from '@baton/messaging';
import { OrdersModule } from '@baton/orders';
import {
  ConfigError,
  JsonLogger,
  RunningService,
  bootstrapService,
  installShutdownHandlers,
  loadServiceConfig,
} from '@baton/platform';
import { ReturnsModule } from '@baton/returns';
import { TrackingModule } from '@baton/tracking';
import { DEMO_TENANT, seedDemoNetwork } from './demo-network';
import { EmbeddedDatabase, startEmbeddedPostgres } from './embedded-postgres';

const SERVICES = ['inventory', 'orders', 'fulfillment', 'returns', 'tracking', 'gateway'] as const;
type ServiceName = (typeof SERVICES)[number];

const PORTS: Record<ServiceName, { http: number; grpc: number }> = {
  inventory: { http: 3001, grpc: 50051 },
  orders: { http: 3002, grpc: 50052 },
  fulfillment: { http: 3003, grpc: 50053 },
  returns: { http: 3004, grpc: 50054 },
  tracking: { http: 3005, grpc: 50055 },
  gateway: { http: 3000, grpc: 0 },
};

function databaseUrl(serverUrl: string, service: ServiceName): string {
  const url = new URL(serverUrl);
  url.pathname = `/baton_${service}`;
  return url.toString();
}

/** The environment each service would get in its own pod, derived from the one process's. */
function serviceEnv(service: ServiceName, serverUrl: string): NodeJS.ProcessEnv {
  const upper = service.toUpperCase();
  const env: NodeJS.ProcessEnv = { ...process.env };
  env[`${upper}_DATABASE_URL`] = process.env[`${upper}_DATABASE_URL`] ?? databaseUrl(serverUrl, service);
  env.HTTP_HOST = process.env.HTTP_HOST ?? '127.0.0.1';
  env[`${upper}_HTTP_PORT`] = process.env[`${upper}_HTTP_PORT`] ?? String(PORTS[service].http);
  for (const peer of SERVICES) {
    if (peer === 'gateway') continue;
    const key = `${peer.toUpperCase()}_GRPC_URL`;
    env[key] = process.env[key] ?? `127.0.0.1:${PORTS[peer].grpc}`;
  }
  env.GRPC_URL = env[`${upper}_GRPC_URL`];
  return env;
}

/** The demo key is generated on the first start and kept with the data, so it survives restarts. */
function demoApiKey(dataDir: string): string {
  const file = join(dataDir, 'demo-api-key');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const key = generateApiKey();
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}

/**
 * The whole OMS in one process: an embedded Postgres (unless DATABASE_URL is set), the in-process
 * event bus (unless NATS_URL is set), every service on its usual ports, the gateway with its API
 * docs, and a seeded demo network.
 */
async function main(): Promise<void> {
  const logger = new JsonLogger('standalone', (process.env.LOG_LEVEL as 'info' | undefined) ?? 'info');
  const dataDir = resolve(process.env.BATON_DATA_DIR ?? '.data');
  mkdirSync(dataDir, { recursive: true });

  let embedded: EmbeddedDatabase | undefined;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const port = Number(process.env.BATON_EMBEDDED_PG_PORT ?? 54329);
    logger.log(`starting embedded PostgreSQL on port ${port} with data in ${dataDir}/postgres`, 'Standalone');
    embedded = await startEmbeddedPostgres(dataDir, port);
    serverUrl = embedded.serverUrl;
  }
  const bus: InProcessEventBus | undefined = process.env.NATS_URL ? undefined : InProcessEventBus.shared();
  // Services start one after another: hold deliveries until every subscriber is there, so no
  // service misses an event published by one that started earlier.
  bus?.hold();
  const apiKey = process.env.GATEWAY_BOOTSTRAP_API_KEY ?? demoApiKey(dataDir);

  const running: RunningService[] = [];
  const start = async (service: ServiceName): Promise<RunningService> => {
    const env = serviceEnv(service, serverUrl as string);
    if (service === 'gateway') {
      env.GATEWAY_BOOTSTRAP_API_KEY = apiKey;
      env.GATEWAY_BOOTSTRAP_TENANT = process.env.GATEWAY_BOOTSTRAP_TENANT ?? DEMO_TENANT;
    }
    const config = loadServiceConfig(service, env);
    const serviceLogger = new JsonLogger(service, config.logLevel);
    const common = { service, config, logger: serviceLogger };
    let started: RunningService;
    switch (service) {
      case 'inventory':
        started = await bootstrapService({ ...common, module: InventoryModule.forRoot({ config, bus }), grpc: 'inventory' });
        break;
      case 'orders':
        started = await bootstrapService({ ...common, module: OrdersModule.forRoot({ config, bus }), grpc: 'orders' });
        break;
      case 'fulfillment':
        started = await bootstrapService({ ...common, module: FulfillmentModule.forRoot({ config, bus }), grpc: 'fulfillment' });
        break;
      case 'returns':
        started = await bootstrapService({ ...common, module: ReturnsModule.forRoot({ config, bus }), grpc: 'returns' });
        break;
      case 'tracking':
        started = await bootstrapService({ ...common, module: TrackingModule.forRoot({ config, bus }), grpc: 'tracking' });
        break;
      case 'gateway':
        started = await bootstrapService({
          ...common,
          module: GatewayModule.forRoot({ config, settings: loadGatewaySettings(env) }),
          configure: configureGatewayApp,
        });
        break;
    }
    running.push(started);
    return started;
  };

  for (const service of SERVICES) await start(service);
  bus?.release();
  installShutdownHandlers(running, logger, async () => {
    await embedded?.stop();
  });

  await seedDemoNetwork(`127.0.0.1:${PORTS.inventory.grpc}`);
  const gateway = running.find((r) => r.service === 'gateway') as RunningService;
  const body = JSON.stringify({
    channel: 'web',
    channelOrderId: `WEB-${Date.now()}`,
    customerEmail: 'ada@example.com',
    currency: 'EUR',
    deliveryMethod: 'ship_to_address',
    shipTo: { name: 'Ada Lovelace', line1: 'Damrak 1', city: 'Amsterdam', postalCode: '1012 LG', country: 'NL' },
    lines: [{ sku: 'TSHIRT-BLUE-M', quantity: 1, unitPriceMinor: 1999 }],
  });
  process.stdout.write(
    [
      '',
      'Baton is running.',
      `  Gateway:   ${gateway.httpUrl}`,
      `  API docs:  ${gateway.httpUrl}/docs`,
      `  Tenant:    ${DEMO_TENANT}`,
      `  API key:   ${apiKey}`,
      '',
      'Place an order:',
      `  curl -s -X POST ${gateway.httpUrl}/v1/orders -H 'Authorization: Bearer ${apiKey}' -H 'Content-Type: application/json' -d '${body}'`,
      '',
      'Then follow it:',
      `  curl -s ${gateway.httpUrl}/v1/orders/<order id>/timeline -H 'Authorization: Bearer ${apiKey}'`,
      '',
      'Ctrl-C stops Baton; the data stays in ' + dataDir,
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
  else process.stderr.write(`Baton failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
