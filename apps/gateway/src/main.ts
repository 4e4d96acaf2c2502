import 'reflect-metadata';
import { GatewayModule, configureGatewayApp, loadGatewaySettings } from '@baton/gateway';
import { ConfigError, JsonLogger, bootstrapService, installShutdownHandlers, loadServiceConfig } from '@baton/platform';

async function main(): Promise<void> {
  const config = loadServiceConfig('gateway');
  const settings = loadGatewaySettings();
  const logger = new JsonLogger('gateway', config.logLevel);
  const running = await bootstrapService({
    service: 'gateway',
    module: GatewayModule.forRoot({ config, settings }),
    config,
    logger,
    configure: configureGatewayApp,
  });
  installShutdownHandlers([running], logger);
  logger.log(`gateway listening on ${running.httpUrl} (API docs at ${running.httpUrl}/docs)`, 'Bootstrap');
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`gateway failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  }
  process.exit(1);
});
