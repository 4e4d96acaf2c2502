import { GrpcMethod } from '@nestjs/microservices';
import 'reflect-metadata';
import net from 'node:net';
import { Controller, type INestMicroservice, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { trackingV1 } from '@baton/contracts';
import { DomainError, type ErrorKind } from '@baton/domain';
import {
  GrpcPeer,
  PlatformModule,
  RemoteError,
  ServiceMetrics,
  currentContext,
  grpcServerOptions,
  requireTenant,
  runWithContext,
  type ServiceConfig,
} from '../src';

const KINDS: ErrorKind[] = ['invalid', 'not_found', 'conflict', 'precondition', 'unauthenticated', 'forbidden', 'unavailable', 'internal'];

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

/** The probe only reads the order id; the rest of tracking's request is irrelevant here. */
const timelineRequest = (orderId: string) => ({ orderId }) as trackingV1.GetTimelineRequest;

/** Echoes what it saw of the request context; orderId selects a failure to produce. */
@Controller()
class ProbeTrackingController implements Pick<trackingV1.TrackingServiceController, 'getTimeline'> {
  @GrpcMethod('TrackingService', 'GetTimeline')
  async getTimeline(request: trackingV1.GetTimelineRequest): Promise<trackingV1.GetTimelineResponse> {
    await new Promise((resolve) => setTimeout(resolve, 5));
    const [action, arg] = request.orderId.split(':');
    if (action === 'fail') {
      throw new DomainError(arg as ErrorKind, 'X_TAKEN', `X is taken (${arg})`, { x: 'x-1' }, [{ field: 'x', message: 'taken' }]);
    }
    if (action === 'crash') throw new Error('secret internals');
    if (action === 'slow') await new Promise((resolve) => setTimeout(resolve, Number(arg)));
    const ctx = currentContext();
    return {
      orderId: request.orderId,
      entries: [
        {
          eventId: ctx?.causationId ?? '',
          type: ctx?.principal ?? '',
          service: ctx?.partnerId ?? '',
          occurredAt: '',
          summary: requireTenant(),
          locationId: '',
          correlationId: ctx?.correlationId ?? '',
        } as trackingV1.TimelineEntry,
      ],
    };
  }
}

describe('gRPC request context and errors', () => {
  const config: ServiceConfig = {
    service: 'tracking',
    databaseUrl: 'postgres://unused/unused',
    natsStreamPrefix: 'BATON',
    httpHost: '127.0.0.1',
    httpPort: 0,
    grpcUrl: '127.0.0.1:0',
    logLevel: 'error',
    grpcTimeoutMs: 2000,
    shutdownTimeoutMs: 1000,
    peers: {},
  };
  const metrics = new ServiceMetrics('tracking', { defaultMetrics: false });
  let server: INestMicroservice;
  let peer: GrpcPeer<trackingV1.TrackingServiceClient>;

  beforeAll(async () => {
    const address = `127.0.0.1:${await freePort()}`;
    @Module({ imports: [PlatformModule.forService({ config, metrics })], controllers: [ProbeTrackingController] })
    class ProbeModule {}
    server = await NestFactory.createMicroservice(ProbeModule, { ...grpcServerOptions('tracking', address), logger: false });
    await server.listen();
    peer = new GrpcPeer<trackingV1.TrackingServiceClient>('tracking', address, 1000);
  });

  afterAll(async () => {
    peer?.close();
    await server?.close();
  });

  it('runs the handler in the caller context (tenant, correlation, causation, partner, principal)', async () => {
    const response = await runWithContext(
      { tenantId: 't1', correlationId: 'c1', causationId: 'ev-9', partnerId: 'p7', principal: 'key:abc' },
      () => peer.call('getTimeline', timelineRequest('o-1')),
    );
    expect(response.orderId).toBe('o-1');
    expect(response.entries).toEqual([
      expect.objectContaining({ summary: 't1', correlationId: 'c1', eventId: 'ev-9', service: 'p7', type: 'key:abc' }),
    ]);
  });

  it('keeps concurrent calls in their own contexts', async () => {
    const tenants = Array.from({ length: 20 }, (_, i) => `tenant-${i}`);
    const responses = await Promise.all(
      tenants.map((tenantId) => runWithContext({ tenantId, correlationId: `corr-${tenantId}` }, () => peer.call('getTimeline', timelineRequest(tenantId)))),
    );
    for (const [i, response] of responses.entries()) {
      expect(response.entries[0]).toMatchObject({ summary: tenants[i], correlationId: `corr-${tenants[i]}` });
    }
  });

  it('gives the handler a fresh correlation id and no tenant when the caller has no context', async () => {
    await expect(peer.call('getTimeline', timelineRequest('o-2'))).rejects.toMatchObject({
      kind: 'unauthenticated',
      code: 'TENANT_REQUIRED',
    });
  });

  it('delivers a conflict DomainError as a RemoteError with the same kind, code, details and violations', async () => {
    const error = await runWithContext({ tenantId: 't1', correlationId: 'c1' }, () =>
      peer.call('getTimeline', timelineRequest('fail:conflict')).then(
        () => undefined,
        (e: unknown) => e,
      ),
    );
    expect(error).toBeInstanceOf(RemoteError);
    expect(error).toMatchObject({
      kind: 'conflict',
      code: 'X_TAKEN',
      message: 'X is taken (conflict)',
      details: { x: 'x-1' },
      violations: [{ field: 'x', message: 'taken' }],
    });
  });

  it.each(KINDS)('carries kind %s across the wire', async (kind) => {
    await expect(
      runWithContext({ tenantId: 't1', correlationId: 'c1' }, () => peer.call('getTimeline', timelineRequest(`fail:${kind}`))),
    ).rejects.toMatchObject({ kind, code: 'X_TAKEN' });
  });

  it('answers an unexpected error as INTERNAL without its message', async () => {
    const error = await runWithContext({ tenantId: 't1', correlationId: 'c1' }, () =>
      peer.call('getTimeline', timelineRequest('crash')).then(
        () => undefined,
        (e: unknown) => e as RemoteError,
      ),
    );
    expect(error).toMatchObject({ kind: 'internal', code: 'INTERNAL' });
    expect(JSON.stringify({ message: error?.message, details: error?.details })).not.toContain('secret');
  });

  it('gives up at the deadline with kind unavailable', async () => {
    await expect(
      runWithContext({ tenantId: 't1', correlationId: 'c1' }, () => peer.call('getTimeline', timelineRequest('slow:1300'))),
    ).rejects.toMatchObject({ kind: 'unavailable', code: 'SERVICE_UNAVAILABLE' });
  });

  it('fails with kind unavailable within the timeout when nothing listens', async () => {
    const nowhere = new GrpcPeer<trackingV1.TrackingServiceClient>('tracking', `127.0.0.1:${await freePort()}`, 1500);
    const started = Date.now();
    try {
      await expect(
        runWithContext({ tenantId: 't1', correlationId: 'c1' }, () => nowhere.call('getTimeline', timelineRequest('o-1'))),
      ).rejects.toMatchObject({ kind: 'unavailable', code: 'SERVICE_UNAVAILABLE' });
      expect(Date.now() - started).toBeLessThan(1500 + 500);
    } finally {
      nowhere.close();
    }
  });

  it('counts gRPC requests by method and status', async () => {
    const text = await metrics.registry.getSingleMetricAsString('baton_requests_total');
    expect(text).toMatch(/baton_requests_total\{[^}]*transport="grpc",method="\/baton\.tracking\.v1\.TrackingService\/GetTimeline",code="OK"[^}]*\} \d+/);
    expect(text).toMatch(/code="ABORTED"/);
  });
});
