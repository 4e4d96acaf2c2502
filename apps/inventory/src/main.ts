import 'reflect-metadata';
import { InventoryModule, sweeperOptionsFromEnv } from '@baton/inventory';
import { ConfigError, JsonLogger, bootstrapService, installShutdownHandlers, loadServiceConfig } from '@baton/platform';

async function main(): Promise<void> {
  const config = loadServiceConfig('inventory');
  const logger = new JsonLogger('inventory', config.logLevel);
  const running = await bootstrapService({
    service: 'inventory',
    module: InventoryModule.forRoot({ config, sweeper: sweeperOptionsFromEnv() }),
    config,
    grpc: 'inventory',
    logger,
  });
  installShutdownHandlers([running], logger);
  logger.log(`inventory serving gRPC on ${running.grpcUrl}, health and metrics on ${running.httpUrl}`, 'Bootstrap');
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`inventory failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  }
  process.exit(1);
});
