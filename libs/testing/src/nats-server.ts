import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { freePort } from './free-port';
import type { ProbeResult, StartedServer } from './postgres-server';
import { waitFor } from './wait-for';

/** Connects once and asks for the JetStream account info, so a server without `-js` counts as unusable. */
export async function probeNats(url: string, timeoutMs = 3000): Promise<ProbeResult> {
  let nc: Awaited<ReturnType<typeof connect>> | undefined;
  try {
    nc = await connect({ servers: url, timeout: timeoutMs, reconnect: false });
    const jsm = await jetstreamManager(nc, { timeout: timeoutMs });
    await jsm.getAccountInfo();
    return { ok: true };
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message : String(err) };
  } finally {
    await nc?.close().catch(() => undefined);
  }
}

/** The `nats-server` binary on PATH (or /usr/sbin, where the Debian package puts it), if any. */
export function findNatsServerBinary(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dirs = [...(env.PATH ?? '').split(path.delimiter).filter(Boolean), '/usr/sbin', '/usr/local/sbin'];
  for (const dir of dirs) {
    const candidate = path.join(dir, 'nats-server');
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      continue;
    }
  }
  return undefined;
}

/** Starts `nats-server -js` on a free port with its store under `storeDir`, and waits until JetStream answers. */
export async function startNatsServer(binary: string, storeDir: string, logFile: string): Promise<StartedServer> {
  const port = await freePort();
  fs.mkdirSync(storeDir, { recursive: true });
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const logFd = fs.openSync(logFile, 'a');
  const child = spawn(binary, ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', storeDir], {
    stdio: ['ignore', logFd, logFd],
  });
  fs.closeSync(logFd);
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => {
    exited = true;
    resolve();
  }));
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);

  const url = `nats://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    process.removeListener('exit', killOnExit);
    if (!exited) {
      child.kill('SIGTERM');
      await exit;
    }
    fs.rmSync(storeDir, { recursive: true, force: true });
  };
  try {
    await waitFor(
      async () => {
        if (exited) {
          throw new Error(`nats-server exited early (see ${logFile})`);
        }
        return (await probeNats(url, 1000)).ok;
      },
      { timeoutMs: 15_000, intervalMs: 200, message: `nats-server with JetStream on ${url}` },
    );
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, stop };
}
