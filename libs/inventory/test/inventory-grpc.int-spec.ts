import type { inventoryV1 } from '@baton/contracts';
import type { EventEnvelope } from '@baton/domain';
import { InProcessEventBus } from '@baton/messaging';
import {
  GrpcPeer,
  JsonLogger,
  type RunningService,
  bootstrapService,
  loadServiceConfig,
} from '@baton/platform';
import { createTestDatabase, dropTestDatabase, freePort, waitFor, withTenant } from '@baton/testing';
import { InventoryModule } from '../src/inventory.module';

const TENANT = 'tenant-grpc';

describe(InventoryModule.name, () => {
  let databaseUrl: string;
  let running: RunningService;
  let peer: GrpcPeer<inventoryV1.InventoryServiceClient>;
  const bus = new InProcessEventBus();
  const published: EventEnvelope[] = [];

  beforeAll(async () => {
    databaseUrl = await createTestDatabase('inventory_grpc');
    const grpcUrl = `127.0.0.1:${await freePort()}`;
    const config = loadServiceConfig('inventory', {
      DATABASE_URL: databaseUrl,
      INVENTORY_HTTP_PORT: '0',
      GRPC_URL: grpcUrl,
      HTTP_HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
    });
    await bus.subscribe({
      consumer: 'probe',
      types: ['inventory.stock.reserved.v1', 'inventory.stock.changed.v1'],
      handle: async (envelope) => {
        published.push(envelope);
      },
    });
    running = await bootstrapService({
      service: 'inventory',
      module: InventoryModule.forRoot({ config, bus }),
      config,
      grpc: 'inventory',
      logger: new JsonLogger('inventory', 'error'),
    });
    peer = new GrpcPeer('inventory', grpcUrl, 5000);
  });

  afterAll(async () => {
    peer?.close();
    await running?.close();
    bus.close();
    if (databaseUrl) await dropTestDatabase(databaseUrl);
  });

  it('serves the whole foundation flow over gRPC and publishes its events after commit', async () => {
    const { location, item, reservations } = await withTenant(TENANT, async () => {
      const { location } = await peer.call('createLocation', {
        code: 'WH-1',
        name: 'Warehouse',
        type: 'warehouse',
        latitude: 52,
        longitude: 5,
        capabilities: ['ship'],
      });
      const { item } = await peer.call('createItem', { sku: 'SKU-1', name: 'Item', productGroup: '', unitValueMinor: 500 });
      await peer.call('receiveStock', {
        sku: 'SKU-1',
        locationId: location!.id,
        quantity: 3,
        reference: 'po-1',
        reason: '',
      });
      const { reservations } = await peer.call('reservePlan', {
        orderId: 'order-1',
        lines: [{ lineId: '1', sku: 'SKU-1', locationId: location!.id, quantity: 2 }],
        ttlSeconds: 0,
      });
      return { location: location!, item: item!, reservations };
    });

    expect(item).toMatchObject({ sku: 'SKU-1', name: 'Item', productGroup: '', unitValueMinor: 500 });
    expect(reservations).toEqual([expect.objectContaining({ orderId: 'order-1', quantity: 2, status: 'held' })]);
    const { positions } = await withTenant(TENANT, () => peer.call('getAvailability', { sku: 'SKU-1' }));
    expect(positions).toEqual([
      { sku: 'SKU-1', locationId: location.id, onHand: 3, reserved: 2, safetyStock: 0, available: 1 },
    ]);
    const { locations } = await withTenant(TENANT, () => peer.call('listLocations', {}));
    expect(locations).toEqual([location]);
    await waitFor(() => published.some((e) => e.type === 'inventory.stock.reserved.v1'), { timeoutMs: 10_000 });
    expect(published.map((e) => e.type)).toEqual(['inventory.stock.changed.v1', 'inventory.stock.reserved.v1']);
    expect(published[1]).toMatchObject({ tenantId: TENANT, aggregateType: 'order', aggregateId: 'order-1' });
  });

  it('keeps the meaning of a refusal across the wire', async () => {
    const refusal = withTenant(TENANT, async () => {
      const { location } = await peer.call('createLocation', {
        code: 'WH-2',
        name: 'Empty warehouse',
        type: 'warehouse',
        latitude: 0,
        longitude: 0,
        capabilities: [],
      });
      return peer.call('reservePlan', {
        orderId: 'order-2',
        lines: [{ lineId: '1', sku: 'SKU-1', locationId: location!.id, quantity: 1 }],
        ttlSeconds: 0,
      });
    });

    await expect(refusal).rejects.toMatchObject({
      kind: 'conflict',
      code: 'INSUFFICIENT_STOCK',
      details: { lines: [expect.objectContaining({ lineId: '1', requested: 1, available: 0 })] },
    });
    await expect(
      withTenant(TENANT, () => peer.call('createItem', { sku: '', name: '', productGroup: '', unitValueMinor: 0 })),
    ).rejects.toMatchObject({ kind: 'invalid', violations: [{ field: 'sku' }, { field: 'name' }].map(expect.objectContaining) });
    await expect(peer.call('getAvailability', { sku: 'SKU-1' })).rejects.toMatchObject({ kind: 'unauthenticated' });
  });

  it('is ready when its database and bus are', async () => {
    const response = await fetch(`${running.httpUrl}/health/ready`);
    expect(response.status).toBe(200);
  });
});
