import { randomUUID } from 'node:crypto';
import type { inventoryV1 } from '@baton/contracts';
import type { EventEnvelope, EventMap, EventType } from '@baton/domain';
import { InProcessEventBus } from '@baton/messaging';
import { GrpcPeer, JsonLogger, type RunningService, bootstrapService, loadServiceConfig } from '@baton/platform';
import { createTestDatabase, dropTestDatabase, freePort, withTenant } from '@baton/testing';
import { DataSource } from 'typeorm';
import { StockEventConsumers } from '../src/events/stock-event-consumers';
import { InventoryModule } from '../src/inventory.module';
import { ledgerDrift, reservationDrift } from './inventory-test-kit';

const TENANT = 'tenant-events';

function envelope<T extends EventType>(type: T, aggregateId: string, data: EventMap[T]): EventEnvelope<T> {
  return {
    id: randomUUID(),
    type,
    version: 1,
    tenantId: TENANT,
    aggregateType: type.startsWith('orders.') ? 'order' : 'fulfillment',
    aggregateId,
    occurredAt: new Date().toISOString(),
    correlationId: randomUUID(),
    causationId: null,
    data,
  };
}

describe(StockEventConsumers.name, () => {
  let databaseUrl: string;
  let running: RunningService;
  let peer: GrpcPeer<inventoryV1.InventoryServiceClient>;
  let db: DataSource;
  let sku: string;
  let store: string;
  let warehouse: string;
  const bus = new InProcessEventBus();

  beforeAll(async () => {
    databaseUrl = await createTestDatabase('inventory_events');
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
    await withTenant(TENANT, async () => {
      const created = await Promise.all(
        ['ST-1', 'WH-1'].map((code) =>
          peer.call('createLocation', { code, name: code, type: code.startsWith('ST') ? 'store' : 'warehouse', latitude: 52, longitude: 5, capabilities: ['ship', 'pickup'] }),
        ),
      );
      [store, warehouse] = created.map((c) => c.location!.id);
      sku = 'EVT-SKU';
      await peer.call('createItem', { sku, name: 'Event item', productGroup: '', unitValueMinor: 100 });
      await peer.call('receiveStock', { sku, locationId: store, quantity: 20, reference: 'open-st', reason: '' });
      await peer.call('receiveStock', { sku, locationId: warehouse, quantity: 20, reference: 'open-wh', reason: '' });
    });
  });

  afterEach(async () => {
    expect(await ledgerDrift(db)).toEqual([]);
    expect(await reservationDrift(db)).toEqual([]);
  });

  afterAll(async () => {
    peer?.close();
    await running?.close();
    bus.close();
    if (databaseUrl) await dropTestDatabase(databaseUrl);
  });

  const call = <K extends Parameters<typeof peer.call>[0]>(method: K, request: Parameters<typeof peer.call<K>>[1]) =>
    withTenant(TENANT, () => peer.call(method, request));

  async function position(locationId: string) {
    const { positions } = await call('listPositions', { sku, locationId });
    return { onHand: positions[0].onHand, reserved: positions[0].reserved };
  }

  async function reservationsOf(orderId: string) {
    return (await call('listReservations', { orderId })).reservations.map((r) => ({
      lineId: r.lineId,
      status: r.status,
      released: r.releasedQuantity,
      consumed: r.consumedQuantity,
      open: r.openQuantity,
    }));
  }

  it('releases exactly the cancelled quantities, once however often the event arrives', async () => {
    const before = await position(store);
    await call('reservePlan', {
      orderId: 'cancel-1',
      lines: [
        { lineId: 'a', sku, locationId: store, quantity: 3 },
        { lineId: 'b', sku, locationId: store, quantity: 2 },
      ],
      ttlSeconds: 0,
    });
    const cancelled = envelope('orders.order.cancelled.v1', 'cancel-1', {
      orderId: 'cancel-1',
      wholeOrder: false,
      reason: 'customer request',
      lines: [{ lineId: 'a', sku, quantity: 2 }],
      refundMinor: 200,
      currency: 'EUR',
    });

    await bus.publish(cancelled);
    await bus.publish(cancelled);
    await bus.publish({ ...cancelled, id: randomUUID(), data: { ...cancelled.data, lines: [{ lineId: 'b', sku, quantity: 2 }] } });

    expect(await reservationsOf('cancel-1')).toEqual([
      { lineId: 'a', status: 'held', released: 2, consumed: 0, open: 1 },
      { lineId: 'b', status: 'released', released: 2, consumed: 0, open: 0 },
    ]);
    expect(await position(store)).toEqual({ onHand: before.onHand, reserved: before.reserved + 1 });
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM outbox_events WHERE type = 'inventory.reservation.released.v1' AND aggregate_id = 'cancel-1'`,
    );
    expect(n).toBe(2);
  });

  it('consumes reservations on shipment and on collection: on hand and reserved both go down, once', async () => {
    const before = await position(store);
    await call('reservePlan', {
      orderId: 'ship-1',
      lines: [
        { lineId: 'a', sku, locationId: store, quantity: 2 },
        { lineId: 'b', sku, locationId: store, quantity: 1 },
      ],
      ttlSeconds: 0,
    });
    await call('confirmReservations', { orderId: 'ship-1', lineIds: [] });
    const shipped = envelope('fulfillment.fulfillment.shipped.v1', 'f-1', {
      fulfillmentId: 'f-1',
      orderId: 'ship-1',
      locationId: store,
      lines: [{ lineId: 'a', sku, quantity: 2 }],
      shipments: [{ shipmentId: 's-1', carrier: 'table-rate', service: 'standard', trackingNumber: 'T1' }],
    });
    const collected = envelope('fulfillment.fulfillment.collected.v1', 'f-2', {
      fulfillmentId: 'f-2',
      orderId: 'ship-1',
      locationId: store,
      lines: [{ lineId: 'b', sku, quantity: 1 }],
    });

    await bus.publish(shipped);
    await bus.publish(shipped);
    await Promise.all([bus.publish(collected), bus.publish(collected)]);

    expect(await reservationsOf('ship-1')).toEqual([
      { lineId: 'a', status: 'consumed', released: 0, consumed: 2, open: 0 },
      { lineId: 'b', status: 'consumed', released: 0, consumed: 1, open: 0 },
    ]);
    expect(await position(store)).toEqual({ onHand: before.onHand - 3, reserved: before.reserved });
    const movements = await db.query(
      `SELECT type, on_hand_delta::int AS d, reserved_delta::int AS r FROM stock_movements
        WHERE reference LIKE $1 OR reference LIKE $2 ORDER BY seq`,
      [`event/${shipped.id}/%`, `event/${collected.id}/%`],
    );
    expect(movements).toEqual([
      { type: 'ship', d: -2, r: -2 },
      { type: 'pick', d: -1, r: -1 },
    ]);
  });

  it('on a short pick releases the lines and lowers on hand by the shortfall, but never below what other orders hold', async () => {
    const before = await position(warehouse);
    await call('reservePlan', {
      orderId: 'other-order',
      lines: [{ lineId: '1', sku, locationId: warehouse, quantity: before.onHand - before.reserved - 2 }],
      ttlSeconds: 0,
    });
    await call('reservePlan', { orderId: 'short-1', lines: [{ lineId: 'a', sku, locationId: warehouse, quantity: 2 }], ttlSeconds: 0 });
    const rejected = envelope('fulfillment.fulfillment.rejected.v1', 'f-3', {
      fulfillmentId: 'f-3',
      orderId: 'short-1',
      locationId: warehouse,
      reason: 'not on the shelf',
      shortPick: true,
      lines: [{ lineId: 'a', sku, quantity: 4 }],
    });

    await bus.publish(rejected);
    await bus.publish(rejected);

    const after = await position(warehouse);
    expect(await reservationsOf('short-1')).toEqual([{ lineId: 'a', status: 'released', released: 2, consumed: 0, open: 0 }]);
    expect(after.reserved).toBe(before.onHand - 2);
    expect(after.onHand).toBe(after.reserved);
    const [count] = await db.query(
      `SELECT on_hand_delta::int AS d, reason FROM stock_movements WHERE type = 'count' AND reference = $1`,
      [`event/${rejected.id}/a`],
    );
    expect(count).toEqual({ d: -2, reason: 'short pick: not on the shelf' });
  });

  it('releases an uncollected pickup and a rejection without short pick, at that location only', async () => {
    const before = await position(store);
    await call('reservePlan', { orderId: 'pickup-1', lines: [{ lineId: 'a', sku, locationId: store, quantity: 2 }], ttlSeconds: 0 });
    await call('reservePlan', { orderId: 'reject-1', lines: [{ lineId: 'a', sku, locationId: store, quantity: 1 }], ttlSeconds: 0 });

    await bus.publish(
      envelope('fulfillment.fulfillment.expired.v1', 'f-4', { fulfillmentId: 'f-4', orderId: 'pickup-1', locationId: store, lines: [{ lineId: 'a', sku, quantity: 2 }] }),
    );
    await bus.publish(
      envelope('fulfillment.fulfillment.rejected.v1', 'f-5', {
        fulfillmentId: 'f-5',
        orderId: 'reject-1',
        locationId: warehouse,
        reason: 'wrong location',
        shortPick: false,
        lines: [{ lineId: 'a', sku, quantity: 1 }],
      }),
    );

    expect(await reservationsOf('pickup-1')).toEqual([{ lineId: 'a', status: 'released', released: 2, consumed: 0, open: 0 }]);
    expect(await reservationsOf('reject-1')).toEqual([{ lineId: 'a', status: 'held', released: 0, consumed: 0, open: 1 }]);
    expect(await position(store)).toEqual({ onHand: before.onHand, reserved: before.reserved + 1 });
  });
});
