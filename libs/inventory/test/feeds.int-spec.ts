import type { inventoryV1 } from '@baton/contracts';
import { InProcessEventBus } from '@baton/messaging';
import { GrpcPeer, JsonLogger, type RunningService, bootstrapService, loadServiceConfig } from '@baton/platform';
import { createTestDatabase, dropTestDatabase, freePort, withTenant } from '@baton/testing';
import { DataSource } from 'typeorm';
import { FeedImportService } from '../src/feed/feed-import.service';
import { InventoryModule } from '../src/inventory.module';
import { streamFeed } from './feed-stream';
import { ledgerDrift } from './inventory-test-kit';

const TENANT = 'tenant-feeds';

describe(FeedImportService.name, () => {
  let databaseUrl: string;
  let grpcUrl: string;
  let running: RunningService;
  let peer: GrpcPeer<inventoryV1.InventoryServiceClient>;
  let db: DataSource;
  const locations = new Map<string, string>();
  const bus = new InProcessEventBus();

  beforeAll(async () => {
    databaseUrl = await createTestDatabase('inventory_feeds');
    grpcUrl = `127.0.0.1:${await freePort()}`;
    const config = loadServiceConfig('inventory', {
      DATABASE_URL: databaseUrl,
      INVENTORY_HTTP_PORT: '0',
      GRPC_URL: grpcUrl,
      HTTP_HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
    });
    running = await bootstrapService({
      service: 'inventory',
      module: InventoryModule.forRoot({ config, bus, sweeper: { intervalMs: 0 } }),
      config,
      grpc: 'inventory',
      logger: new JsonLogger('inventory', 'error'),
    });
    db = running.app.get(DataSource);
    peer = new GrpcPeer('inventory', grpcUrl, 10_000);
    await withTenant(TENANT, async () => {
      for (const code of ['ST-1', 'ST-2']) {
        const { location } = await peer.call('createLocation', { code, name: code, type: 'store', latitude: 52, longitude: 5, capabilities: ['pickup'] });
        locations.set(code, location!.id);
      }
      for (const sku of ['A', 'B', 'C']) await peer.call('createItem', { sku, name: sku, productGroup: '', unitValueMinor: 1 });
      await peer.call('receiveStock', { sku: 'A', locationId: locations.get('ST-1')!, quantity: 10, reference: 'open', reason: '' });
      await peer.call('reservePlan', { orderId: 'o-1', lines: [{ lineId: '1', sku: 'A', locationId: locations.get('ST-1')!, quantity: 6 }], ttlSeconds: 0 });
    });
  });

  afterEach(async () => {
    expect(await ledgerDrift(db)).toEqual([]);
  });

  afterAll(async () => {
    peer?.close();
    await running?.close();
    bus.close();
    if (databaseUrl) await dropTestDatabase(databaseUrl);
  });

  const feed = (header: Partial<inventoryV1.FeedHeader>, text: string, chunkSize?: number) =>
    withTenant(TENANT, () =>
      streamFeed(grpcUrl, { feedId: 'f', mode: 'snapshot', format: 'csv', source: 'pos-1', ...header }, text, chunkSize),
    );

  async function onHand(sku: string, code: string) {
    const { positions } = await withTenant(TENANT, () => peer.call('listPositions', { sku, locationId: locations.get(code)! }));
    return positions[0] ? { onHand: positions[0].onHand, reserved: positions[0].reserved } : undefined;
  }

  it('imports a snapshot with bad rows: reports each with its line and reason, imports the rest, never clobbers reservations', async () => {
    const text = [
      'sku,location,quantity',
      'A,ST-1,2',
      'B,ST-1,7',
      'B,ST-1,8',
      'NOPE,ST-1,1',
      'C,ST-9,1',
      'C,ST-2,-1',
      `C,${locations.get('ST-2')},4`,
      'A,ST-2,0',
      'garbage',
    ].join('\n');

    const { result } = await feed({ feedId: 'snap-1' }, text, 7);

    expect(result).toMatchObject({
      feedId: 'snap-1',
      status: 'completed',
      rowsTotal: 9,
      rowsApplied: 3,
      rowsUnchanged: 1,
      rowsRejected: 5,
      importedNow: true,
    });
    expect(result!.rejections.map((r) => [r.line, r.reason])).toEqual([
      [4, 'the position is listed twice in this snapshot'],
      [5, 'no item with this SKU'],
      [6, 'no location with this code or id'],
      [7, 'an on-hand quantity cannot be negative'],
      [10, 'expected 3 columns, found 1'],
    ]);
    expect(result!.warnings).toEqual([expect.objectContaining({ line: 2, sku: 'A', reason: expect.stringContaining('reserved') })]);
    expect(await onHand('A', 'ST-1')).toEqual({ onHand: 6, reserved: 6 });
    expect(await onHand('B', 'ST-1')).toEqual({ onHand: 7, reserved: 0 });
    expect(await onHand('C', 'ST-2')).toEqual({ onHand: 4, reserved: 0 });
    const counts = await db.query(`SELECT count(*)::int AS n FROM stock_movements WHERE type = 'count' AND reference LIKE 'feed/snap-1/%'`);
    expect(counts[0].n).toBe(3);
  });

  it('imports a feed id once: the same feed again returns the first result and changes nothing', async () => {
    const text = 'sku,location,quantity\nB,ST-2,5\n';
    const first = await feed({ feedId: 'once' }, text);
    const again = await feed({ feedId: 'once' }, 'sku,location,quantity\nB,ST-2,9\n');
    const concurrent = await Promise.all([feed({ feedId: 'twice' }, 'sku,location,delta\nC,ST-1,2\n', 3), feed({ feedId: 'twice' }, 'sku,location,delta\nC,ST-1,2\n', 3)]);

    expect(first.result!.importedNow).toBe(true);
    expect(again.result).toMatchObject({ importedNow: false, rowsApplied: 1 });
    expect(await onHand('B', 'ST-2')).toEqual({ onHand: 5, reserved: 0 });
    expect(concurrent.filter((r) => r.result!.importedNow)).toHaveLength(1);
    expect(await onHand('C', 'ST-1')).toEqual({ onHand: 2, reserved: 0 });
    await expect(feed({ feedId: 'once', mode: 'delta' }, '')).rejects.toMatchObject({ code: 'FEED_MISMATCH' });
  });

  it('imports JSON-lines deltas and refuses a delta that would go below reserved', async () => {
    const text = [
      JSON.stringify({ sku: 'A', location: 'ST-1', quantity: 5 }),
      JSON.stringify({ sku: 'A', location: 'ST-1', quantity: -6 }),
      JSON.stringify({ sku: 'B', location: locations.get('ST-1'), delta: -2 }),
    ].join('\n');

    const { result } = await feed({ feedId: 'delta-1', mode: 'delta', format: 'ndjson' }, text);

    expect(result).toMatchObject({ rowsTotal: 3, rowsApplied: 2, rowsRejected: 1 });
    expect(result!.rejections).toEqual([expect.objectContaining({ line: 2, reason: expect.stringContaining('below the 6 unit(s) reserved') })]);
    expect(await onHand('A', 'ST-1')).toEqual({ onHand: 11, reserved: 6 });
    expect(await onHand('B', 'ST-1')).toEqual({ onHand: 5, reserved: 0 });
    const [event] = await db.query(`SELECT envelope->'data' AS data FROM outbox_events WHERE type = 'inventory.feed.imported.v1' AND aggregate_id = 'delta-1'`);
    expect(event.data).toMatchObject({ feedId: 'delta-1', rowsApplied: 2, rowsRejected: 1, source: 'pos-1' });
  });

  it('refuses a bad header or a CSV without the required columns, and stores nothing', async () => {
    await expect(feed({ feedId: '', mode: 'full', format: 'xml' }, 'x')).rejects.toMatchObject({
      kind: 'invalid',
      violations: ['feedId', 'mode', 'format'].map((field) => expect.objectContaining({ field })),
    });
    await expect(feed({ feedId: 'no-columns' }, 'sku,where,how_many\nA,ST-1,1\n')).rejects.toMatchObject({
      kind: 'invalid',
      violations: [expect.objectContaining({ field: 'header', message: expect.stringContaining('missing: location, quantity') })],
    });
    expect(await db.query(`SELECT 1 FROM stock_feeds WHERE feed_id IN ('', 'no-columns')`)).toEqual([]);
    await expect(withTenant(TENANT, () => peer.call('getFeed', { feedId: 'no-columns' }))).rejects.toMatchObject({ code: 'FEED_NOT_FOUND' });
    await expect(withTenant(TENANT, () => peer.call('getFeed', { feedId: 'snap-1' }))).resolves.toMatchObject({ result: { rowsApplied: 3 } });
  });
});
