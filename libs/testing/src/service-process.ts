import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './harness-env';

export interface ServiceProcessOptions {
  /** Names the log file tmp/e2e-logs/<name>.log and the errors. */
  name: string;
  /** Script run with `node`, relative to `cwd` (e.g. dist/apps/orders/src/main.js). */
  script: string;
  /**
   * The child's whole environment, as with child_process.spawn: nothing leaks in from the test
   * process (a stray ORDERS_DATABASE_URL in a shell would otherwise win). Defaults to the parent's.
   */
  env?: NodeJS.ProcessEnv;
  /** Polled with GET until it answers 200. */
  readyUrl: string;
  /** Working directory; defaults to the repository root. */
  cwd?: string;
  /** How long to wait for readiness (default 60 000 ms). */
  readyTimeoutMs?: number;
}

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServiceProcess {
  readonly name: string;
  readonly pid: number;
  readonly logFile: string;
  /** Sends `signal` and waits for the exit; escalates to SIGKILL after `timeoutMs` (default 20 000). */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<ProcessExit>;
  /** SIGKILL, as a crash would; waits for the exit. */
  kill(): Promise<ProcessExit>;
  /** Everything this process wrote to stdout and stderr so far. */
  logs(): string;
  /** The exit, once it happened. */
  exited(): ProcessExit | undefined;
}

const LOG_DIR = path.join(REPO_ROOT, 'tmp', 'e2e-logs');
const LOG_TAIL_LINES = 60;
const running = new Set<() => void>();

process.once('exit', () => {
  for (const killNow of running) {
    killNow();
  }
});

/**
 * Starts one service as its own OS process, as in production, and resolves once its readiness URL
 * answers 200. Output goes to tmp/e2e-logs/<name>.log (appended, so a restarted service keeps its
 * history); a process that exits or never becomes ready fails with the tail of that log.
 */
export async function startServiceProcess(options: ServiceProcessOptions): Promise<ServiceProcess> {
  const cwd = options.cwd ?? REPO_ROOT;
  fs.mkdirSync(LOG_DIR, { recursive: true });
  const logFile = path.join(LOG_DIR, `${options.name}.log`);
  fs.appendFileSync(logFile, `\n===== ${new Date().toISOString()} start ${options.name}: node ${options.script} =====\n`);
  const logOffset = fs.statSync(logFile).size;
  const logFd = fs.openSync(logFile, 'a');
  const child = spawn(process.execPath, [options.script], {
    cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', logFd, logFd],
  });
  fs.closeSync(logFd);
  if (child.pid === undefined) {
    throw new Error(`${options.name}: could not spawn node ${options.script}`);
  }
  const pid = child.pid;

  let exit: ProcessExit | undefined;
  const exitPromise = new Promise<ProcessExit>((resolve) => {
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      running.delete(killNow);
      resolve(exit);
    });
  });
  const killNow = (): void => {
    child.kill('SIGKILL');
  };
  running.add(killNow);

  const logs = (): string => readFrom(logFile, logOffset);
  const stop = async (signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 20_000): Promise<ProcessExit> => {
    if (exit) {
      return exit;
    }
    child.kill(signal);
    const timer = setTimeout(killNow, timeoutMs);
    try {
      return await exitPromise;
    } finally {
      clearTimeout(timer);
    }
  };
  const handle: ServiceProcess = {
    name: options.name,
    pid,
    logFile,
    stop,
    kill: () => stop('SIGKILL'),
    logs,
    exited: () => exit,
  };

  const timeoutMs = options.readyTimeoutMs ?? 60_000;
  const deadline = Date.now() + timeoutMs;
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    if (exit) {
      throw new Error(
        `${options.name} exited (code ${exit.code}, signal ${exit.signal}) before ${options.readyUrl} was ready\n` +
          tail(logs()),
      );
    }
    lastProblem = await probe(options.readyUrl);
    if (lastProblem === '') {
      return handle;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await handle.kill();
  throw new Error(
    `${options.name} was not ready at ${options.readyUrl} within ${timeoutMs} ms (${lastProblem})\n` + tail(logs()),
  );
}

async function probe(url: string): Promise<string> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await response.arrayBuffer();
    return response.status === 200 ? '' : `HTTP ${response.status}`;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}

function readFrom(file: string, offset: number): string {
  const buffer = fs.readFileSync(file);
  return buffer.subarray(offset).toString('utf8');
}

function tail(text: string): string {
  const lines = text.trimEnd().split('\n').slice(-LOG_TAIL_LINES);
  return `--- last ${lines.length} log lines ---\n${lines.join('\n')}`;
}
