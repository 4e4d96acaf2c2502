import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_NATS_URL, DEFAULT_POSTGRES_URL, HARNESS_ENV, REPO_ROOT, isCi } from './harness-env';
import { findNatsServerBinary, probeNats, startNatsServer } from './nats-server';
import { probePostgres, startEmbeddedPostgres, type StartedServer } from './postgres-server';

/** What the setup started in the jest parent process; global-teardown reads it from the same global. */
export interface HarnessState {
  started: Array<{ name: string; server: StartedServer }>;
}

export const HARNESS_STATE_KEY = '__BATON_TEST_HARNESS__';

interface JestProjectConfig {
  rootDir?: string;
}

/**
 * Jest globalSetup for the integration and e2e suites. Runs once in the jest parent process, before
 * any worker exists: finds (or starts) a real Postgres and a real NATS with JetStream and hands their
 * URLs to the workers through `BATON_TEST_PG_URL` / `BATON_TEST_NATS_URL`, which workers inherit.
 * Explicitly configured servers (`TEST_DATABASE_URL`, `NATS_URL`) must be reachable; only the
 * defaults fall back to servers the harness starts.
 */
export default async function globalSetup(_globalConfig?: unknown, projectConfig?: JestProjectConfig): Promise<void> {
  const rootDir = projectConfig?.rootDir ?? REPO_ROOT;
  const state: HarnessState = { started: [] };
  (globalThis as Record<string, unknown>)[HARNESS_STATE_KEY] = state;

  try {
    process.env[HARNESS_ENV.postgresUrl] = await ensurePostgres(rootDir, state);
    const natsUrl = await ensureNats(rootDir, state);
    if (natsUrl) {
      process.env[HARNESS_ENV.natsUrl] = natsUrl;
    } else {
      delete process.env[HARNESS_ENV.natsUrl];
    }
  } catch (err) {
    // Jest skips the teardown when the setup fails, so stop what was already started here.
    for (const { server } of state.started.reverse()) {
      await server.stop().catch(() => undefined);
    }
    state.started = [];
    throw err;
  }
}

async function ensurePostgres(rootDir: string, state: HarnessState): Promise<string> {
  const explicit = process.env.TEST_DATABASE_URL;
  const url = explicit || DEFAULT_POSTGRES_URL;
  const probe = await probePostgres(url);
  if (probe.ok) {
    note(`Postgres: using ${redact(url)}`);
    return url;
  }
  if (explicit) {
    throw new Error(`TEST_DATABASE_URL=${redact(explicit)} is not reachable: ${probe.reason}`);
  }
  note(`Postgres: nothing at ${url} (${probe.reason}); starting embedded Postgres`);
  const dataDir = path.join(rootDir, 'tmp', 'test-pg');
  const server = await startEmbeddedPostgres(dataDir, path.join(rootDir, 'tmp', 'test-pg.log'));
  state.started.push({ name: 'embedded Postgres', server });
  note(`Postgres: embedded at ${redact(server.url)} (data in ${dataDir})`);
  return server.url;
}

/** Where ensureNats looks; replaceable so the fallbacks can be tested on a machine that has NATS. */
export interface NatsDiscovery {
  defaultUrl: string;
  findBinary: () => string | undefined;
}

/**
 * NATS_URL (must work), else the default URL, else a nats-server the harness starts; else, outside
 * CI, undefined after a loud banner. Anything started is recorded in `state` for the teardown.
 */
export async function ensureNats(
  rootDir: string,
  state: HarnessState,
  discovery: NatsDiscovery = { defaultUrl: DEFAULT_NATS_URL, findBinary: findNatsServerBinary },
): Promise<string | undefined> {
  const explicit = process.env.NATS_URL;
  const url = explicit || discovery.defaultUrl;
  const probe = await probeNats(url);
  if (probe.ok) {
    note(`NATS: using ${url} (JetStream enabled)`);
    return url;
  }
  if (explicit) {
    throw new Error(`NATS_URL=${explicit} is not a reachable NATS server with JetStream: ${probe.reason}`);
  }
  const binary = discovery.findBinary();
  if (binary) {
    note(`NATS: nothing usable at ${url} (${probe.reason}); starting ${binary}`);
    const storeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-test-nats-'));
    const server = await startNatsServer(binary, storeDir, path.join(rootDir, 'tmp', 'test-nats.log'));
    state.started.push({ name: 'nats-server', server });
    note(`NATS: started at ${server.url}`);
    return server.url;
  }
  const reason = `no NATS with JetStream at ${url} (${probe.reason}) and no nats-server binary on PATH`;
  if (isCi()) {
    throw new Error(`NATS with JetStream is required when CI=true: ${reason}`);
  }
  const bar = '!'.repeat(72);
  process.stderr.write(
    `\n${bar}\n!!!  NATS UNAVAILABLE — NATS SUITES SKIPPED\n!!!  ${reason}\n` +
      `!!!  Install nats-server or set NATS_URL to run them. CI=true turns this into a failure.\n${bar}\n\n`,
  );
  return undefined;
}

function note(message: string): void {
  process.stderr.write(`[baton-testing] ${message}\n`);
}

function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
