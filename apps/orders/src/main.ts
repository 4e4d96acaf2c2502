import 'reflect-metadata';
import { OrdersModule, loadOrdersSettings } from '@baton/orders';
import { ConfigError, JsonLogger, bootstrapService, installShutdownHandlers, loadServiceConfig } from '@baton/platform';

async function main(): Promise<void> {
  const config = loadServiceConfig('orders');
  const settings = loadOrdersSettings();
  const logger = new JsonLogger('orders', config.logLevel);
  const running = await bootstrapService({
    service: 'orders',
    module: OrdersModule.forRoot({ config, settings }),
    config,
    grpc: 'orders',
    logger,
  });
  installShutdownHandlers([running], logger);
  logger.log(`orders listening on ${running.httpUrl}${running.grpcUrl ? ` (gRPC ${running.grpcUrl})` : ''}`, 'Bootstrap');
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`orders failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  }
  process.exit(1);
});
