import { type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor, Optional } from '@nestjs/common';
import { status as GrpcStatus, type Metadata } from '@grpc/grpc-js';
import { Observable, catchError, tap, throwError } from 'rxjs';
import { DomainError } from '@baton/domain';
import { runWithContext } from '../context/request-context';
import { toRpcError, type RpcStatusError } from '../errors/rpc-error';
import { JsonLogger } from '../logging/json-logger';
import type { ServiceMetrics } from '../metrics/metrics-registry';
import { SERVICE_METRICS } from '../platform.tokens';
import { contextFromMetadata } from './grpc-metadata';

/**
 * Runs every gRPC handler inside the request context its caller sent (tenant, partner, principal,
 * correlation and causation ids), so repositories can require the tenant and logs and events carry
 * the correlation id. Thrown domain errors leave as gRPC statuses that keep their kind and code.
 */
@Injectable()
export class GrpcContextInterceptor implements NestInterceptor {
  constructor(
    @Inject(SERVICE_METRICS) private readonly metrics: ServiceMetrics,
    @Optional() private readonly logger?: JsonLogger,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const ctx = contextFromMetadata(context.switchToRpc().getContext<Metadata | undefined>());
    const method = methodOf(context);
    const started = process.hrtime.bigint();
    const record = (code: string): void => {
      const labels = { transport: 'grpc', method, code };
      this.metrics.requests.inc(labels);
      this.metrics.requestDuration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
    };
    return new Observable<unknown>((subscriber) =>
      runWithContext(ctx, () =>
        next
          .handle()
          .pipe(
            tap({ complete: () => record('OK') }),
            catchError((err: unknown) => {
              if (!(err instanceof DomainError)) this.logger?.error(err instanceof Error ? err : String(err), method);
              const rpc = toRpcError(err);
              record(GrpcStatus[(rpc.getError() as RpcStatusError).code] ?? 'UNKNOWN');
              return throwError(() => rpc);
            }),
          )
          .subscribe(subscriber),
      ),
    );
  }
}

function methodOf(context: ExecutionContext): string {
  const call = context.getArgByIndex<{ getPath?: () => string } | undefined>(2);
  const path = typeof call?.getPath === 'function' ? call.getPath() : undefined;
  return path ?? `${context.getClass().name}.${context.getHandler().name}`;
}
