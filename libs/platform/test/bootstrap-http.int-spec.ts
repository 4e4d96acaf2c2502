import { GrpcMethod } from '@nestjs/microservices';
import 'reflect-metadata';
import net from 'node:net';
import {
  Body,
  type CanActivate,
  Controller,
  type ExecutionContext,
  Get,
  Injectable,
  Module,
  type OnModuleInit,
  Post,
  UseGuards,
  ValidationPipe,
} from '@nestjs/common';
import type { Request } from 'express';
import { IsInt, IsString, Min } from 'class-validator';
import { trackingV1 } from '@baton/contracts';
import { DomainError } from '@baton/domain';
import {
  GrpcPeer,
  HealthChecks,
  JsonLogger,
  PlatformModule,
  RemoteError,
  ServiceMetrics,
  bootstrapService,
  currentContext,
  loadServiceConfig,
  requireTenant,
  runWithContext,
  type RunningService,
} from '../src';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const dependency = { healthy: true };

@Injectable()
class ToggledDependency implements OnModuleInit {
  constructor(private readonly checks: HealthChecks) {}

  onModuleInit(): void {
    this.checks.add({ name: 'always-up', check: async () => undefined });
    this.checks.add({
      name: 'toggled',
      check: async () => {
        if (!dependency.healthy) throw new Error('dependency is down');
      },
    });
  }
}

/** Stands in for the gateway's auth guard: adds the tenant to the context the middleware started. */
@Injectable()
class TenantHeaderGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const tenant = context.switchToHttp().getRequest<Request>().header('x-test-tenant');
    const ctx = currentContext();
    if (ctx && tenant) ctx.tenantId = tenant;
    return true;
  }
}

class ReserveBody {
  @IsString()
  sku!: string;

  @IsInt()
  @Min(1)
  quantity!: number;
}

@Controller('probe')
class ProbeController {
  @Get('context')
  @UseGuards(TenantHeaderGuard)
  async context(): Promise<{ tenantId: string; correlationId: string | undefined }> {
    await new Promise((resolve) => setTimeout(resolve, 5));
    return { tenantId: requireTenant(), correlationId: currentContext()?.correlationId };
  }

  @Get('conflict')
  conflict(): never {
    throw new DomainError('conflict', 'X_TAKEN', 'X is taken', { lines: ['l-1'] }, [{ field: 'x', message: 'taken' }]);
  }

  @Get('remote')
  remote(): never {
    throw new RemoteError('unavailable', 'SERVICE_UNAVAILABLE', 'inventory is unavailable', {}, [], 14);
  }

  @Get('crash')
  crash(): never {
    throw new Error('secret connection string postgres://admin:pw@db');
  }

  @Post('reserve')
  reserve(@Body() body: ReserveBody): ReserveBody {
    return body;
  }
}

/** The probe only reads the order id; the rest of tracking's request is irrelevant here. */
const timelineRequest = (orderId: string) => ({ orderId }) as trackingV1.GetTimelineRequest;

@Controller()
class ProbeTrackingController implements Pick<trackingV1.TrackingServiceController, 'getTimeline'> {
  @GrpcMethod('TrackingService', 'GetTimeline')
  async getTimeline(request: trackingV1.GetTimelineRequest): Promise<trackingV1.GetTimelineResponse> {
    await Promise.resolve();
    return { orderId: `${request.orderId}@${requireTenant()}/${currentContext()?.correlationId}`, entries: [] };
  }
}

describe('bootstrapService: HTTP probes, metrics, problem+json and hybrid gRPC', () => {
  let running: RunningService;
  let grpcAddress: string;

  beforeAll(async () => {
    const server = new URL(process.env.BATON_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
    server.pathname = '/baton_platform_test';
    grpcAddress = `127.0.0.1:${await freePort()}`;
    const config = loadServiceConfig('tracking', {
      DATABASE_URL: server.toString(),
      HTTP_HOST: '127.0.0.1',
      TRACKING_HTTP_PORT: '0',
      GRPC_URL: grpcAddress,
      LOG_LEVEL: 'error',
    });
    const metrics = new ServiceMetrics('tracking', { defaultMetrics: false });
    @Module({
      imports: [PlatformModule.forService({ config, metrics })],
      controllers: [ProbeController, ProbeTrackingController],
      providers: [ToggledDependency, TenantHeaderGuard],
    })
    class ProbeModule {}
    running = await bootstrapService({
      service: 'tracking',
      module: ProbeModule,
      config,
      grpc: 'tracking',
      logger: new JsonLogger('tracking', 'error', () => undefined),
      configure: (app) => {
        app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true }));
      },
    });
  });

  afterAll(async () => {
    await running?.close();
  });

  const get = (path: string, headers: Record<string, string> = {}): Promise<Response> =>
    fetch(`${running.httpUrl}${path}`, { headers });
  const post = (path: string, body: string): Promise<Response> =>
    fetch(`${running.httpUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  it('reports the real port when configured with port 0', () => {
    expect(running.httpUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(running.httpUrl).not.toMatch(/:0$/);
  });

  it('is live', async () => {
    const res = await get('/health/live');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('is ready with 200 when every check passes', async () => {
    dependency.healthy = true;
    const res = await get('/health/ready');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: 'ready',
      checks: [
        { name: 'always-up', status: 'up' },
        { name: 'toggled', status: 'up' },
      ],
    });
  });

  it('answers 503 naming the failing check when one fails', async () => {
    dependency.healthy = false;
    try {
      const res = await get('/health/ready');
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({
        status: 'unavailable',
        checks: [
          { name: 'always-up', status: 'up' },
          { name: 'toggled', status: 'down', error: 'dependency is down' },
        ],
      });
    } finally {
      dependency.healthy = true;
    }
  });

  it('echoes the caller correlation id and lets a guard add the tenant to the request context', async () => {
    const res = await get('/probe/context', { 'x-correlation-id': 'corr-http-1', 'x-test-tenant': 't-http' });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-correlation-id')).toBe('corr-http-1');
    expect(await res.json()).toEqual({ tenantId: 't-http', correlationId: 'corr-http-1' });
  });

  it('makes a correlation id when the caller sent none', async () => {
    const res = await get('/probe/context', { 'x-test-tenant': 't-http' });
    const id = res.headers.get('x-correlation-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(((await res.json()) as { correlationId: string }).correlationId).toBe(id);
  });

  it('answers a DomainError as problem+json with its code and violations', async () => {
    const res = await get('/probe/conflict');
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await res.json()).toEqual({
      type: 'urn:baton:problem:X_TAKEN',
      title: 'Conflict',
      status: 409,
      code: 'X_TAKEN',
      detail: 'X is taken',
      errors: [{ field: 'x', message: 'taken' }],
      details: { lines: ['l-1'] },
    });
  });

  it('answers a tenantless request with 401 TENANT_REQUIRED', async () => {
    const res = await get('/probe/context');
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: 'TENANT_REQUIRED' });
  });

  it('answers a RemoteError with the callee meaning', async () => {
    const res = await get('/probe/remote');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE', detail: 'inventory is unavailable' });
  });

  it('answers an unexpected error with 500 INTERNAL and nothing of the error', async () => {
    const res = await get('/probe/crash');
    const text = await res.text();
    expect(res.status).toBe(500);
    expect(JSON.parse(text)).toEqual({
      type: 'urn:baton:problem:INTERNAL',
      title: 'Internal error',
      status: 500,
      code: 'INTERNAL',
      detail: 'Internal error',
    });
    expect(text).not.toMatch(/secret|postgres|at /);
  });

  it('answers ValidationPipe failures with 400 VALIDATION_FAILED and one entry per field', async () => {
    const res = await post('/probe/reserve', JSON.stringify({ sku: 42, quantity: 0 }));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { code: string; errors: { field: string }[] };
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.errors.map((e) => e.field).sort()).toEqual(['quantity', 'sku']);
  });

  it('answers malformed JSON with 400 problem+json', async () => {
    const res = await post('/probe/reserve', '{"sku": "A",');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await res.json()).toMatchObject({ status: 400, code: 'BAD_REQUEST' });
  });

  it('answers an oversized body with 413 problem+json', async () => {
    const res = await post('/probe/reserve', JSON.stringify({ sku: 'A'.repeat(200_000), quantity: 1 }));
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await res.json()).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it('answers an unknown route with 404 problem+json', async () => {
    const res = await get('/no/such/route');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });

  it('serves gRPC on the same app, in the caller context', async () => {
    const peer = new GrpcPeer<trackingV1.TrackingServiceClient>('tracking', grpcAddress, 2000);
    try {
      const response = await runWithContext({ tenantId: 't1', correlationId: 'c1' }, () => peer.call('getTimeline', timelineRequest('o-1')));
      expect(response).toEqual({ orderId: 'o-1@t1/c1', entries: [] });
    } finally {
      peer.close();
    }
  });

  it('exposes baton_requests_total with HTTP requests by route template and status', async () => {
    const res = await get('/metrics');
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(text).toContain('# TYPE baton_requests_total counter');
    expect(text).toMatch(/baton_requests_total\{transport="http",method="GET \/health\/ready",code="503",service="tracking"\} 1/);
    expect(text).toMatch(/baton_requests_total\{transport="http",method="GET \/probe\/conflict",code="409",service="tracking"\} 1/);
    expect(text).toMatch(/baton_requests_total\{transport="grpc",[^}]*code="OK"[^}]*\} 1/);
  });

  it('reports not ready once shutdown has started', async () => {
    running.app.get(HealthChecks).markShuttingDown();
    const res = await get('/health/ready');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'unavailable', shuttingDown: true });
  });
});
