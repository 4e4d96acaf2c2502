import { execFileSync, spawn } from 'node:child_process';
import net from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { freePort } from '../src/free-port';
import globalSetup, { ensureNats, type HarnessState } from '../src/global-setup';
import globalTeardown from '../src/global-teardown';
import { probePostgres } from '../src/postgres-server';
import { findNatsServerBinary, probeNats, startNatsServer } from '../src/nats-server';
import { startServiceProcess } from '../src/service-process';
import { createTestDatabase, dropTestDatabase, testPostgresUrl } from '../src/test-database';
import { waitFor } from '../src/wait-for';

const fixture = path.join(__dirname, 'fixtures', 'ready-server.js');
const natsBinary = findNatsServerBinary();

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function databaseExists(name: string): Promise<boolean> {
  const client = new Client({ connectionString: testPostgresUrl() });
  await client.connect();
  try {
    const result = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    return result.rowCount === 1;
  } finally {
    await client.end();
  }
}

describe('test databases', () => {
  it('creates a usable database and drops it even while a connection is open', async () => {
    const url = await createTestDatabase('harness spec');
    const name = new URL(url).pathname.slice(1);
    expect(name).toMatch(/^t_harness_spec_[0-9a-f]{10}$/);

    const client = new Client({ connectionString: url });
    client.on('error', () => undefined);
    await client.connect();
    await client.query('CREATE TABLE probe (id int primary key)');
    expect(await databaseExists(name)).toBe(true);

    await dropTestDatabase(url);
    expect(await databaseExists(name)).toBe(false);
    await client.end().catch(() => undefined);
  });

  it('refuses to drop a database that is not a test database', async () => {
    await expect(dropTestDatabase(`${testPostgresUrl().replace(/\/[^/?]*(\?|$)/, '/postgres$1')}`)).rejects.toThrow(
      /not a test database/,
    );
  });
});

describe('servers the harness starts itself', () => {
  it('starts an embedded Postgres that accepts connections, and stops it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-embedded-pg-'));
    fs.chmodSync(dir, 0o755);
    try {
      const output = execFileSync(
        process.execPath,
        [path.join(__dirname, 'fixtures', 'run-embedded-postgres.js'), path.join(dir, 'data'), path.join(dir, 'pg.log')],
        { encoding: 'utf8', timeout: 90_000 },
      );
      const outcome = JSON.parse(output.trim().split('\n').pop() as string);
      expect(outcome.url).toMatch(/^postgres:\/\/postgres:postgres@127\.0\.0\.1:\d+\/postgres$/);
      expect(outcome.whileRunning).toEqual({ ok: true });
      expect(outcome.afterStop.ok).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  (natsBinary ? it : it.skip)('starts a nats-server with JetStream, and stops it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-nats-'));
    const server = await startNatsServer(natsBinary as string, path.join(dir, 'store'), path.join(dir, 'nats.log'));
    try {
      expect(await probeNats(server.url)).toEqual({ ok: true });
    } finally {
      await server.stop();
    }
    expect((await probeNats(server.url, 500)).ok).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  (natsBinary ? it : it.skip)('reports a NATS server without JetStream as unusable', async () => {
    const port = await freePort();
    const child = spawn(natsBinary as string, ['-a', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
    try {
      const url = `nats://127.0.0.1:${port}`;
      await waitFor(async () => (await isListening(port)) && url, { message: 'plain nats-server listening' });
      const probe = await probeNats(url, 1000);
      expect(probe.ok).toBe(false);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('reports an address where nothing listens as unusable', async () => {
    const port = await freePort();
    expect((await probeNats(`nats://127.0.0.1:${port}`, 500)).ok).toBe(false);
  });
});

describe('global setup', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('exports the servers it found to the workers', async () => {
    delete process.env.TEST_DATABASE_URL;
    delete process.env.NATS_URL;
    delete process.env.BATON_TEST_PG_URL;
    delete process.env.BATON_TEST_NATS_URL;
    await globalSetup();
    await globalTeardown();
    const exported = { ...process.env };
    expect((await probePostgres(exported.BATON_TEST_PG_URL ?? '')).ok).toBe(true);
    expect(exported.BATON_TEST_NATS_URL).toMatch(/^nats:\/\//);
  });

  describe('when no NATS answers at the default address', () => {
    const nowhere = async (): Promise<string> => `nats://127.0.0.1:${await freePort()}`;

    (natsBinary ? it : it.skip)('starts a nats-server itself, recorded for the teardown', async () => {
      delete process.env.NATS_URL;
      const state: HarnessState = { started: [] };
      const url = await ensureNats(os.tmpdir(), state, { defaultUrl: await nowhere(), findBinary: () => natsBinary });
      expect(await probeNats(url as string)).toEqual({ ok: true });
      expect(state.started.map((s) => s.name)).toEqual(['nats-server']);
      await state.started[0].server.stop();
      expect((await probeNats(url as string, 500)).ok).toBe(false);
    });

    it('skips NATS suites with a loud banner when there is no nats-server either', async () => {
      delete process.env.NATS_URL;
      process.env.CI = 'false';
      const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
      try {
        const url = await ensureNats(os.tmpdir(), { started: [] }, { defaultUrl: await nowhere(), findBinary: () => undefined });
        expect(url).toBeUndefined();
        expect(stderr.mock.calls.map(([text]) => String(text)).join('')).toContain('NATS UNAVAILABLE — NATS SUITES SKIPPED');
      } finally {
        stderr.mockRestore();
      }
    });

    it('fails under CI=true when there is no nats-server either', async () => {
      delete process.env.NATS_URL;
      process.env.CI = 'true';
      await expect(
        ensureNats(os.tmpdir(), { started: [] }, { defaultUrl: await nowhere(), findBinary: () => undefined }),
      ).rejects.toThrow(/NATS with JetStream is required when CI=true/);
    });
  });

  it('fails fast when an explicitly configured NATS_URL is unreachable', async () => {
    process.env.NATS_URL = `nats://127.0.0.1:${await freePort()}`;
    await expect(globalSetup()).rejects.toThrow(/NATS_URL=nats:\/\/127\.0\.0\.1:\d+ is not a reachable NATS server/);
    await globalTeardown();
  });

  it('fails fast when an explicitly configured TEST_DATABASE_URL is unreachable', async () => {
    process.env.TEST_DATABASE_URL = `postgres://postgres@127.0.0.1:${await freePort()}/postgres`;
    await expect(globalSetup()).rejects.toThrow(/TEST_DATABASE_URL=.* is not reachable/);
    await globalTeardown();
  });
});

describe(startServiceProcess.name, () => {
  it('waits for readiness, captures output and stops gracefully on SIGTERM', async () => {
    const port = await freePort();
    const service = await startServiceProcess({
      name: 'harness-fixture',
      script: fixture,
      env: { PORT: String(port), READY_AFTER_MS: '300', GREETING: 'hello-from-env' },
      readyUrl: `http://127.0.0.1:${port}/`,
    });
    expect(service.pid).toBeGreaterThan(0);
    expect(service.logs()).toContain('as hello-from-env');

    const exit = await service.stop();
    expect(exit).toEqual({ code: 0, signal: null });
    expect(service.logs()).toContain('draining');
  });

  it('kills with SIGKILL', async () => {
    const port = await freePort();
    const service = await startServiceProcess({
      name: 'harness-fixture-kill',
      script: fixture,
      env: { PORT: String(port) },
      readyUrl: `http://127.0.0.1:${port}/`,
    });
    expect(await service.kill()).toEqual({ code: null, signal: 'SIGKILL' });
  });

  it('fails with the log tail when the process dies before it is ready', async () => {
    const port = await freePort();
    await expect(
      startServiceProcess({
        name: 'harness-fixture-crash',
        script: fixture,
        env: { PORT: String(port), CRASH_AT_START: 'true' },
        readyUrl: `http://127.0.0.1:${port}/`,
      }),
    ).rejects.toThrow(/exited \(code 3[\s\S]*boom: refusing to start/);
  });

  it('fails with the log tail when readiness never comes', async () => {
    const port = await freePort();
    await expect(
      startServiceProcess({
        name: 'harness-fixture-slow',
        script: fixture,
        env: { PORT: String(port), READY_AFTER_MS: '60000' },
        readyUrl: `http://127.0.0.1:${port}/`,
        readyTimeoutMs: 1000,
      }),
    ).rejects.toThrow(/not ready .* within 1000 ms \(HTTP 503\)[\s\S]*fixture listening/);
  });
});
