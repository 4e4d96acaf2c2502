import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DEFAULT_POSTGRES_URL, HARNESS_ENV } from './harness-env';

const MAX_IDENTIFIER_LENGTH = 63;
const SUFFIX_LENGTH = 10;
const TEST_DATABASE_PREFIX = 't_';

/** The Postgres server the harness found (the global setup's choice, else TEST_DATABASE_URL, else the default). */
export function testPostgresUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env[HARNESS_ENV.postgresUrl] || env.TEST_DATABASE_URL || DEFAULT_POSTGRES_URL;
}

/**
 * `t_<prefix>_<random>`: lower-case letters, digits and underscores only, within Postgres' 63-byte
 * identifier limit, so it never needs quoting surprises and is recognisable as a test database.
 */
export function testDatabaseName(prefix: string, suffix: string = randomSuffix()): string {
  const room = MAX_IDENTIFIER_LENGTH - TEST_DATABASE_PREFIX.length - 1 - suffix.length;
  const clean = prefix
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, room)
    .replace(/_+$/, '');
  return `${TEST_DATABASE_PREFIX}${clean || 'db'}_${suffix}`;
}

/** Creates a fresh, uniquely named database on the test server and returns its URL. */
export async function createTestDatabase(prefix: string): Promise<string> {
  const serverUrl = testPostgresUrl();
  const name = testDatabaseName(prefix);
  await withAdminClient(serverUrl, (client) => client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`));
  return withDatabase(serverUrl, name);
}

/**
 * Drops a database made by {@link createTestDatabase}, terminating its open connections first.
 * Refuses any name that is not a test database, so a wrong URL cannot drop real data.
 */
export async function dropTestDatabase(url: string): Promise<void> {
  const name = databaseOf(url);
  if (!name.startsWith(TEST_DATABASE_PREFIX)) {
    throw new Error(`Refusing to drop "${name}": not a test database (names start with ${TEST_DATABASE_PREFIX})`);
  }
  await withAdminClient(withDatabase(url, 'postgres'), (client) =>
    client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`),
  );
}

/** `url` with its database path replaced by `database`. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

function databaseOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}

function randomSuffix(): string {
  return randomBytes(8).toString('hex').slice(0, SUFFIX_LENGTH);
}

async function withAdminClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
