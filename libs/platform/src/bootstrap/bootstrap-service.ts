import type { AddressInfo } from 'node:net';
import type { DynamicModule, INestApplication, LoggerService, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { GrpcServiceName } from '@baton/contracts';
import type { ServiceConfig } from '../config/service-config';
import { ensureDatabase } from '../database/ensure-database';
import { grpcServerOptions } from '../grpc/grpc-server-options';
import { HealthChecks } from '../health/health-checks';
import { JsonLogger } from '../logging/json-logger';
import type { RunningService } from './running-service';

export interface BootstrapOptions {
  service: string;
  module: Type<unknown> | DynamicModule;
  config: ServiceConfig;
  grpc?: GrpcServiceName;
  logger?: LoggerService;
  /**
   * Adjusts the app before it initialises and listens (global prefix, pipes, body limits, API
   * docs); used by the gateway.
   */
  configure?: (app: INestApplication) => void | Promise<void>;
}

/**
 * Starts one service: creates its database if missing, builds the Nest app, runs module init
 * (migrations, subscriptions) before any port opens, then serves gRPC (when `grpc` is given) and
 * HTTP (probes, metrics and any API). Signals are not handled here: {@link installShutdownHandlers}
 * owns SIGTERM/SIGINT so several services in one process shut down once, together.
 */
export async function bootstrapService(options: BootstrapOptions): Promise<RunningService> {
  const { service, module, config, grpc } = options;
  await ensureDatabase(config.databaseUrl);
  const logger = options.logger ?? new JsonLogger(service, config.logLevel);
  const app = await NestFactory.create<NestExpressApplication>(module, { logger, abortOnError: false });
  try {
    if (options.configure) await options.configure(app);
    if (grpc) app.connectMicroservice(grpcServerOptions(grpc, config.grpcUrl), { inheritAppConfig: true });
    await app.init();
    await app.startAllMicroservices();
    await app.listen(config.httpPort, config.httpHost);
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
  const address = app.getHttpServer().address() as AddressInfo;
  const host = ['0.0.0.0', '::', ''].includes(config.httpHost) ? '127.0.0.1' : config.httpHost;
  const httpUrl = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
  let closing: Promise<void> | undefined;
  return {
    app,
    service,
    config,
    httpUrl,
    grpcUrl: grpc ? config.grpcUrl : undefined,
    close(): Promise<void> {
      closing ??= (async () => {
        app.get(HealthChecks, { strict: false }).markShuttingDown();
        await app.close();
      })();
      return closing;
    },
  };
}
