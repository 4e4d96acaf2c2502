import { z } from 'zod';
import type { GrpcServiceName } from '@baton/contracts';
import { ConfigError } from './config-error';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Everything a service reads from its environment, validated once at start-up. */
export interface ServiceConfig {
  service: string;
  databaseUrl: string;
  natsUrl?: string;
  /** Prefix of the JetStream stream names, so several Baton installations can share one NATS. */
  natsStreamPrefix: string;
  httpHost: string;
  httpPort: number;
  /** Bind address (host:port) of this service's gRPC server; unused by services without one. */
  grpcUrl: string;
  logLevel: LogLevel;
  grpcTimeoutMs: number;
  shutdownTimeoutMs: number;
  /** host:port of the gRPC services this service calls. */
  peers: Partial<Record<GrpcServiceName, string>>;
}

/** Default HTTP and gRPC ports per service, so a developer machine needs no port settings. */
export const DEFAULT_PORTS: Readonly<Record<string, { http: number; grpc?: number }>> = {
  gateway: { http: 3000 },
  inventory: { http: 3001, grpc: 50051 },
  orders: { http: 3002, grpc: 50052 },
  fulfillment: { http: 3003, grpc: 50053 },
  returns: { http: 3004, grpc: 50054 },
  tracking: { http: 3005, grpc: 50055 },
};

const PEERS: readonly GrpcServiceName[] = ['inventory', 'orders', 'fulfillment', 'returns', 'tracking'];

const hostPort = z
  .string()
  .regex(/^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9_.-]+):\d{1,5}$/, 'must be host:port')
  .refine((value) => Number(value.slice(value.lastIndexOf(':') + 1)) <= 65535, 'port must be at most 65535');
const port = z.coerce
  .number({ error: 'must be a number' })
  .int('must be an integer')
  .min(0, 'must be 0-65535')
  .max(65535, 'must be 0-65535');
const positiveMs = z.coerce.number({ error: 'must be a number' }).int('must be an integer').positive('must be positive');

const schema = z.object({
  databaseUrl: z
    .string({ error: 'is required' })
    .min(1, 'is required')
    .regex(/^postgres(ql)?:\/\/.+/, 'must be a postgres:// URL'),
  natsUrl: z
    .string()
    .regex(/^(nats|tls|ws|wss):\/\/.+/, 'must be a nats:// URL')
    .optional(),
  natsStreamPrefix: z.string().regex(/^[A-Z][A-Z0-9_]{0,31}$/, 'must be upper-case letters, digits and _'),
  httpHost: z.string().min(1, 'must not be empty'),
  httpPort: port,
  grpcUrl: hostPort,
  logLevel: z.enum(['debug', 'info', 'warn', 'error'], { error: 'must be one of debug, info, warn, error' }),
  grpcTimeoutMs: positiveMs,
  shutdownTimeoutMs: positiveMs,
  inventory: hostPort,
  orders: hostPort,
  fulfillment: hostPort,
  returns: hostPort,
  tracking: hostPort,
});

type Field = keyof z.input<typeof schema>;

function envPrefix(name: string): string {
  return name.toUpperCase().replace(/[^A-Z0-9]/g, '_');
}

/**
 * Reads and validates a service's configuration. A per-service variable (`ORDERS_DATABASE_URL`,
 * `ORDERS_HTTP_PORT`) wins over the shared one, so several services can share
 * one process environment. Fails fast with a {@link ConfigError} naming every bad variable.
 */
export function loadServiceConfig(service: string, env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const prefix = envPrefix(service);
  const defaults = DEFAULT_PORTS[service];
  const sources = new Map<Field, string>();
  const raw: Partial<Record<Field, string>> = {};

  const read = (field: Field, names: string[], fallback?: string): void => {
    for (const name of names) {
      const value = env[name];
      if (value !== undefined && value !== '') {
        raw[field] = value.trim();
        sources.set(field, name);
        return;
      }
    }
    sources.set(field, names[names.length - 1]);
    if (fallback !== undefined) raw[field] = fallback;
  };

  read('databaseUrl', [`${prefix}_DATABASE_URL`, 'DATABASE_URL']);
  read('natsUrl', ['NATS_URL']);
  read('natsStreamPrefix', ['NATS_STREAM_PREFIX'], 'BATON');
  read('httpHost', ['HTTP_HOST'], '0.0.0.0');
  read('httpPort', [`${prefix}_HTTP_PORT`, 'HTTP_PORT'], defaults ? String(defaults.http) : undefined);
  // The bind address is GRPC_URL only: `<SERVICE>_GRPC_URL` is where *callers* reach a service,
  // which in Kubernetes is a Service name this pod cannot bind.
  read('grpcUrl', ['GRPC_URL'], `0.0.0.0:${defaults?.grpc ?? 0}`);
  read('logLevel', ['LOG_LEVEL'], 'info');
  read('grpcTimeoutMs', ['GRPC_TIMEOUT_MS'], '5000');
  read('shutdownTimeoutMs', ['SHUTDOWN_TIMEOUT_MS'], '10000');
  for (const peer of PEERS) {
    read(peer, [`${envPrefix(peer)}_GRPC_URL`], `127.0.0.1:${DEFAULT_PORTS[peer].grpc}`);
  }

  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems = new Map<Field, { variable: string; problem: string }>();
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as Field;
      if (problems.has(field)) continue;
      const got = raw[field] === undefined ? '' : ` (got "${raw[field]}")`;
      const message = raw[field] === undefined ? 'is required' : issue.message;
      problems.set(field, { variable: sources.get(field) ?? String(field), problem: `${message}${got}` });
    }
    throw new ConfigError(service, [...problems.values()]);
  }
  const value = parsed.data;
  return {
    service,
    databaseUrl: value.databaseUrl,
    natsUrl: value.natsUrl,
    natsStreamPrefix: value.natsStreamPrefix,
    httpHost: value.httpHost,
    httpPort: value.httpPort,
    grpcUrl: value.grpcUrl,
    logLevel: value.logLevel,
    grpcTimeoutMs: value.grpcTimeoutMs,
    shutdownTimeoutMs: value.shutdownTimeoutMs,
    peers: {
      inventory: value.inventory,
      orders: value.orders,
      fulfillment: value.fulfillment,
      returns: value.returns,
      tracking: value.tracking,
    },
  };
}
