import { randomUUID } from 'node:crypto';
import type { inventoryV1 } from '@baton/contracts';
import type { EventEnvelope, ReturnDisposedV1 } from '@baton/domain';
import { InProcessEventBus } from '@baton/messaging';
import { GrpcPeer, JsonLogger, type RunningService, bootstrapService, loadServiceConfig } from '@baton/platform';
import { createTestDatabase, dropTestDatabase, freePort, withTenant } from '@baton/testing';
import { DataSource } from 'typeorm';
import { InventoryModule } from '../src/inventory.module';
import { ReturnDispositionsConsumer } from '../src/returns/return-dispositions.consumer';
import { ledgerDrift } from './inventory-test-kit';

const TENANT = 'tenant-returns';

function disposed(data: Omit<ReturnDisposedV1, 'returnId' | 'orderId'>, returnId = randomUUID()): EventEnvelope<'returns.return.disposed.v1'> {
  return {
    id: randomUUID(),
    type: 'returns.return.disposed.v1',
    version: 1,
    tenantId: TENANT,
    aggregateType: 'return',
    aggregateId: returnId,
    occurredAt: new Date().toISOString(),
    correlationId: randomUUID(),
    causationId: null,
    data: { returnId, orderId: randomUUID(), ...data },
  };
}

describe(ReturnDispositionsConsumer.name, () => {
  let databaseUrl: string;
  let running: RunningService;
  let peer: GrpcPeer<inventoryV1.InventoryServiceClient>;
  let db: DataSource;
  let store: string;
  let hub: string;
  let vendor: string;
  const sku = 'RET-SKU';
  const bus = new InProcessEventBus();

  const call = <K extends Parameters<typeof peer.call>[0]>(method: K, request: Parameters<typeof peer.call<K>>[1]) =>
    withTenant(TENANT, () => peer.call(method, request));

  async function atStore(): Promise<{ onHand: number; available: number }> {
    const { positions } = await call('listPositions', { sku, locationId: store });
    return { onHand: positions[0]?.onHand ?? 0, available: positions[0]?.available ?? 0 };
  }

  async function movements(reference: string): Promise<Array<[string, string, number]>> {
    const rows = await db.query<Array<{ type: string; location_id: string; on_hand_delta: string }>>(
      `SELECT type, location_id, on_hand_delta FROM stock_movements WHERE tenant_id = $1 AND reference LIKE $2 ORDER BY type, location_id`,
      [TENANT, `${reference}%`],
    );
    return rows.map((r) => [r.type, r.location_id === store ? 'store' : r.location_id, Number(r.on_hand_delta)]);
  }

  async function stockChangedEvents(returnId: string): Promise<number> {
    const [{ n }] = await db.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM outbox_events WHERE type = 'inventory.stock.changed.v1' AND envelope->'data'->>'reference' LIKE $1`,
      [`return/${returnId}%`],
    );
    return n;
  }

  beforeAll(async () => {
    databaseUrl = await createTestDatabase('inventory_returns');
    const grpcUrl = `127.0.0.1:${await freePort()}`;
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
    peer = new GrpcPeer('inventory', grpcUrl, 5000);
    const make = async (code: string, type: string) =>
      (await call('createLocation', { code, name: code, type, latitude: 52, longitude: 5, capabilities: ['accept_returns', 'receive_transfers'] })).location!.id;
    store = await make('ST-R', 'store');
    hub = await make('WH-R', 'warehouse');
    vendor = await make('SUP-R', 'supplier');
    await call('createItem', { sku, name: 'Returned item', productGroup: '', unitValueMinor: 100 });
    await call('receiveStock', { sku, locationId: store, quantity: 5, reference: 'open-st', reason: '' });
  });

  afterEach(async () => {
    expect(await ledgerDrift(db)).toEqual([]);
  });

  afterAll(async () => {
    peer?.close();
    await running?.close();
    await bus.close();
    if (databaseUrl) await dropTestDatabase(databaseUrl);
  });

  it('restocks at the receiving location with a return-restock movement, once however often the event arrives', async () => {
    const before = await atStore();
    const event = disposed({ locationId: store, units: [{ lineId: 'line-1', sku, quantity: 2, disposition: 'restock' }] });
    await bus.publish(event);
    await bus.publish(event);
    expect(await atStore()).toEqual({ onHand: before.onHand + 2, available: before.available + 2 });
    expect(await movements(`return/${event.data.returnId}`)).toEqual([['return_restock', 'store', 2]]);
    expect(await stockChangedEvents(event.data.returnId)).toBe(1);
  });

  it('writes damaged units off without their ever becoming available', async () => {
    const before = await atStore();
    const event = disposed({ locationId: store, units: [{ lineId: 'line-1', sku, quantity: 1, disposition: 'write_off' }] });
    await bus.publish(event);
    expect(await atStore()).toEqual(before);
    expect(await movements(`return/${event.data.returnId}`)).toEqual([
      ['return_restock', 'store', 1],
      ['write_off', 'store', -1],
    ]);
    expect(await stockChangedEvents(event.data.returnId)).toBe(0);
  });

  it('sends units on to another location or back to the vendor as inbound transfers', async () => {
    const before = await atStore();
    const event = disposed({
      locationId: store,
      units: [
        { lineId: 'line-1', sku, quantity: 1, disposition: 'transfer', targetLocationId: hub },
        { lineId: 'line-2', sku, quantity: 2, disposition: 'return_to_vendor', targetLocationId: vendor },
        { lineId: 'line-3', sku, quantity: 1, disposition: 'refurbish' },
        { lineId: 'unexpected:x', sku: 'UNKNOWN', quantity: 1, disposition: 'none' },
      ],
    });
    await bus.publish(event);
    await bus.publish(event);
    expect(await atStore()).toEqual(before);
    expect(await movements(`return/${event.data.returnId}`)).toEqual([
      ['return_restock', 'store', 1],
      ['return_restock', 'store', 2],
      ['transfer_out', 'store', -1],
      ['transfer_out', 'store', -2],
    ]);
    const supplies = await db.query<Array<{ kind: string; source_location_id: string; location_id: string; expected_quantity: string }>>(
      `SELECT s.kind, s.source_location_id, l.location_id, l.expected_quantity
         FROM inbound_supplies s JOIN inbound_lines l ON l.supply_id = s.id
        WHERE s.tenant_id = $1 AND s.reference LIKE $2 ORDER BY l.expected_quantity`,
      [TENANT, `return/${event.data.returnId}%`],
    );
    expect(supplies.map((s) => [s.kind, s.source_location_id, s.location_id, Number(s.expected_quantity)])).toEqual([
      ['transfer', store, hub, 1],
      ['transfer', store, vendor, 2],
    ]);
  });
});
