import { type DynamicModule, Global, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import type { ServiceConfig } from './config/service-config';
import { ProblemJsonFilter } from './errors/problem-json.filter';
import { GrpcContextInterceptor } from './grpc/grpc-context.interceptor';
import { HealthChecks } from './health/health-checks';
import { HealthController } from './health/health.controller';
import { CorrelationMiddleware } from './http/correlation.middleware';
import { HttpMetricsMiddleware } from './http/http-metrics.middleware';
import { JsonLogger } from './logging/json-logger';
import { MetricsController } from './metrics/metrics.controller';
import type { ServiceMetrics } from './metrics/metrics-registry';
import { HEALTH_CHECKS, SERVICE_CONFIG, SERVICE_METRICS } from './platform.tokens';

export interface PlatformModuleOptions {
  config: ServiceConfig;
  metrics: ServiceMetrics;
}

/**
 * What every service process needs regardless of its domain: validated config, JSON logging,
 * probes, Prometheus metrics, request context on HTTP and gRPC, and one error mapping per
 * transport (problem+json on HTTP, coded statuses on gRPC). Global, so service modules only
 * inject the tokens.
 */
@Global()
@Module({})
export class PlatformModule implements NestModule {
  static forService({ config, metrics }: PlatformModuleOptions): DynamicModule {
    return {
      module: PlatformModule,
      global: true,
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: SERVICE_CONFIG, useValue: config },
        { provide: SERVICE_METRICS, useValue: metrics },
        { provide: JsonLogger, useValue: new JsonLogger(config.service, config.logLevel) },
        HealthChecks,
        { provide: HEALTH_CHECKS, useExisting: HealthChecks },
        { provide: APP_INTERCEPTOR, useClass: GrpcContextInterceptor },
        { provide: APP_FILTER, useClass: ProblemJsonFilter },
        CorrelationMiddleware,
        HttpMetricsMiddleware,
      ],
      exports: [SERVICE_CONFIG, SERVICE_METRICS, JsonLogger, HealthChecks, HEALTH_CHECKS],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CorrelationMiddleware, HttpMetricsMiddleware).forRoutes('{*path}');
  }
}
