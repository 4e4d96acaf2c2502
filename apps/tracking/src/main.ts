import 'reflect-metadata';
import { TrackingModule, loadTrackingSettings } from '@baton/tracking';
import { ConfigError, JsonLogger, bootstrapService, installShutdownHandlers, loadServiceConfig } from '@baton/platform';

async function main(): Promise<void> {
  const config = loadServiceConfig('tracking');
  const settings = loadTrackingSettings();
  const logger = new JsonLogger('tracking', config.logLevel);
  const running = await bootstrapService({
    service: 'tracking',
    module: TrackingModule.forRoot({ config, settings }),
    config,
    grpc: 'tracking',
    logger,
  });
  installShutdownHandlers([running], logger);
  logger.log(`tracking listening on ${running.httpUrl}${running.grpcUrl ? ` (gRPC ${running.grpcUrl})` : ''}`, 'Bootstrap');
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`tracking failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  }
  process.exit(1);
});
