import type { LoggerService } from '@nestjs/common';
import type { RunningService } from './running-service';

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

/**
 * Graceful stop for every service in the process: on SIGTERM/SIGINT each service's readiness goes
 * 503, its servers stop taking work and finish what is in flight, and its modules drain (NATS
 * consumers, outbox relay, database pools) through Nest's shutdown hooks; then the process exits 0.
 * If that takes longer than the largest shutdownTimeoutMs the process is forced out with exit 1.
 * `afterClose` runs once every service has closed (e.g. to stop an embedded Postgres).
 * Returns a function that removes the handlers.
 */
export function installShutdownHandlers(
  running: RunningService[],
  logger: LoggerService,
  afterClose?: () => Promise<void>,
): () => void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    const timeoutMs = Math.max(1000, ...running.map((r) => r.config.shutdownTimeoutMs));
    logger.log(`Received ${signal}, shutting down ${running.map((r) => r.service).join(', ')}`, 'Shutdown');
    const forced = setTimeout(() => {
      logger.error(`Shutdown did not finish within ${timeoutMs} ms, forcing exit`, undefined, 'Shutdown');
      process.exit(1);
    }, timeoutMs);
    forced.unref();
    void (async () => {
      const results = await Promise.allSettled(running.map((r) => r.close()));
      let failed = false;
      for (const [i, result] of results.entries()) {
        if (result.status === 'rejected') {
          failed = true;
          logger.error(`${running[i].service} failed to close: ${String(result.reason)}`, undefined, 'Shutdown');
        }
      }
      if (afterClose) {
        try {
          await afterClose();
        } catch (error) {
          failed = true;
          logger.error(`Cleanup after shutdown failed: ${String(error)}`, undefined, 'Shutdown');
        }
      }
      clearTimeout(forced);
      process.exit(failed ? 1 : 0);
    })();
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
  return () => {
    for (const signal of SIGNALS) process.off(signal, onSignal);
  };
}
