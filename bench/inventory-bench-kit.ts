import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client, credentials, type ServiceError } from '@grpc/grpc-js';
import { loadSync, type MethodDefinition } from '@grpc/proto-loader';
import { Client as PgClient } from 'pg';
import { GRPC_SERVICES, PROTO_ROOT, type inventoryV1 } from '@baton/contracts';
import { GRPC_LOADER_OPTIONS, currentContext, metadataFromContext, protoPathOf } from '@baton/platform';

/** The Postgres server benchmarks use: BENCH_DATABASE_URL, TEST_DATABASE_URL, or the local default. */
export function serverUrl(): string {
  return process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** A fresh database for one run; dropped by the returned function. */
export async function freshDatabase(prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `bench_${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new PgClient({ connectionString: serverUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return {
    url: withDatabase(serverUrl(), name),
    drop: async () => {
      const client = new PgClient({ connectionString: serverUrl() });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The inventory service in its own process, from the bench build, ready when its health says so. */
export async function startInventory(databaseUrl: string): Promise<{ grpcUrl: string; stop: () => Promise<void> }> {
  const httpPort = await freePort();
  const grpcUrl = `127.0.0.1:${await freePort()}`;
  const script = join(__dirname, '..', 'apps', 'inventory', 'src', 'main.js');
  const child: ChildProcess = spawn(process.execPath, [script], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      HTTP_HOST: '127.0.0.1',
      HTTP_PORT: String(httpPort),
      GRPC_URL: grpcUrl,
      LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`inventory exited with ${child.exitCode} while starting`);
    try {
      const response = await fetch(`http://127.0.0.1:${httpPort}/health/ready`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('inventory did not become ready in 60 s');
    await sleep(200);
  }
  return {
    grpcUrl,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Value at percentile `p` (0–100) of `samples`, nearest rank. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export const round = (value: number, digits = 2): number => Math.round(value * 10 ** digits) / 10 ** digits;

/**
 * Runs `clients` loops of `operation` for `durationMs`; returns how many completed (succeeded
 * or were refused, as `operation` counts them) and the elapsed seconds.
 */
export async function runFor(clients: number, durationMs: number, operation: (client: number, i: number) => Promise<void>): Promise<{ operations: number; seconds: number }> {
  let operations = 0;
  const started = process.hrtime.bigint();
  const end = Date.now() + durationMs;
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let i = 0; Date.now() < end; i++) {
        await operation(client, i);
        operations += 1;
      }
    }),
  );
  return { operations, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/** Sends a feed over inventory's client-streaming ImportFeed (header, then 256 KiB chunks). */
export function streamFeed(address: string, header: inventoryV1.FeedHeader, text: string): Promise<inventoryV1.ImportFeedResponse> {
  const { package: pkg, service } = GRPC_SERVICES.inventory;
  const definition = loadSync(protoPathOf('inventory'), { ...GRPC_LOADER_OPTIONS, includeDirs: [PROTO_ROOT] })[
    `${pkg}.${service}`
  ] as Record<string, MethodDefinition<object, object>>;
  const method = definition.ImportFeed;
  const client = new Client(address, credentials.createInsecure());
  return new Promise((resolve, reject) => {
    const call = client.makeClientStreamRequest<object, object>(
      method.path,
      method.requestSerialize,
      method.responseDeserialize,
      metadataFromContext(currentContext()),
      { deadline: Date.now() + 600_000 },
      (error: ServiceError | null, response?: object) => {
        client.close();
        if (error) reject(error);
        else resolve(response as inventoryV1.ImportFeedResponse);
      },
    );
    call.write({ header });
    const chunk = 256 * 1024;
    for (let offset = 0; offset < text.length; offset += chunk) call.write({ chunk: text.slice(offset, offset + chunk) });
    call.end();
  });
}
