import 'reflect-metadata';
import { FulfillmentModule, loadFulfillmentSettings } from '@baton/fulfillment';
import { ConfigError, JsonLogger, bootstrapService, installShutdownHandlers, loadServiceConfig } from '@baton/platform';

async function main(): Promise<void> {
  const config = loadServiceConfig('fulfillment');
  const settings = loadFulfillmentSettings();
  const logger = new JsonLogger('fulfillment', config.logLevel);
  const running = await bootstrapService({
    service: 'fulfillment',
    module: FulfillmentModule.forRoot({ config, settings }),
    config,
    grpc: 'fulfillment',
    logger,
  });
  installShutdownHandlers([running], logger);
  logger.log(`fulfillment listening on ${running.httpUrl}${running.grpcUrl ? ` (gRPC ${running.grpcUrl})` : ''}`, 'Bootstrap');
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`fulfillment failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  }
  process.exit(1);
});
