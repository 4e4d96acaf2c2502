import 'reflect-metadata';
import { ReturnsModule } from '@baton/returns';
import { ConfigError, JsonLogger, bootstrapService, installShutdownHandlers, loadServiceConfig } from '@baton/platform';

async function main(): Promise<void> {
  const config = loadServiceConfig('returns');
  const logger = new JsonLogger('returns', config.logLevel);
  const running = await bootstrapService({
    service: 'returns',
    module: ReturnsModule.forRoot({ config }),
    config,
    logger,
    grpc: 'returns',
  });
  installShutdownHandlers([running], logger);
  logger.log(`returns listening on ${running.httpUrl}`, 'Bootstrap');
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`returns failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  }
  process.exit(1);
});
