import 'reflect-metadata';
import { rebuildTrackingReadModel } from '@baton/tracking';
import { ConfigError, JsonLogger, loadServiceConfig } from '@baton/platform';

/**
 * `npm run tracking:rebuild`: empties the tracking read model and rebuilds it from the JetStream
 * streams (NATS_URL set) or from tracking's event log (embedded mode), with the same configuration
 * as the tracking service (TRACKING_DATABASE_URL or DATABASE_URL, NATS_URL, NATS_STREAM_PREFIX).
 */
async function main(): Promise<void> {
  const config = loadServiceConfig('tracking');
  const logger = new JsonLogger('tracking-rebuild', config.logLevel);
  const applied = await rebuildTrackingReadModel(config, logger);
  process.stdout.write(`tracking: read model rebuilt from ${applied} events\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
