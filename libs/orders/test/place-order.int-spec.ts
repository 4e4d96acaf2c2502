import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Controller, Inject, Module, type INestMicroservice } from '@nestjs/common';
import { APP_INTERCEPTOR, NestFactory } from '@nestjs/core';
import { GrpcMethod } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { inventoryV1, type ordersV1 } from '@baton/contracts';
import { DomainError, type EventEnvelope } from '@baton/domain';
import { InProcessEventBus } from '@baton/messaging';
import {
  GrpcContextInterceptor,
  GrpcPeer,
  RemoteError,
  SERVICE_METRICS,
  ServiceMetrics,
  bootstrapService,
  currentContext,
  grpcServerOptions,
  loadServiceConfig,
  type RunningService,
} from '@baton/platform';
import { createTestDatabase, dropTestDatabase, freePort, waitFor, withTenant } from '@baton/testing';
import { OrdersModule } from '../src';

/** What the inventory test double holds: stock per (sku, location) and the reservations it made. */
class InventoryState {
  readonly stock = new Map<string, Map<string, number>>();
  readonly reservations = new Map<string, inventoryV1.Reservation>();
  readonly reserveCalls: Array<{ tenantId: string | undefined; request: inventoryV1.ReservePlanRequest }> = [];
  availabilityCalls = 0;
  /** Stock another order takes between our availability read and our reserve (a lost race). */
  stolenBeforeReserve: { sku: string; locationId: string; quantity: number } | undefined;

  put(sku: string, locationId: string, available: number): void {
    const bySku = this.stock.get(sku) ?? new Map<string, number>();
    bySku.set(locationId, available);
    this.stock.set(sku, bySku);
  }

  available(sku: string, locationId: string): number {
    return this.stock.get(sku)?.get(locationId) ?? 0;
  }

  reset(): void {
    this.stock.clear();
    this.reservations.clear();
    this.reserveCalls.length = 0;
    this.availabilityCalls = 0;
    this.stolenBeforeReserve = undefined;
  }
}

const INVENTORY_STATE = Symbol('INVENTORY_STATE');

/**
 * A test double of the inventory service behind a real gRPC server, with the platform's gRPC
 * context interceptor: it keeps inventory's contract for the two RPCs orders calls (all lines or
 * none, idempotent by (order, line), INSUFFICIENT_STOCK with details.lines) on an in-memory
 * network. Every other RPC of the service answers UNIMPLEMENTED.
 */
@Controller()
class InventoryDoubleController implements Pick<inventoryV1.InventoryServiceController, 'getAvailability' | 'reservePlan'> {
  constructor(@Inject(INVENTORY_STATE) private readonly state: InventoryState) {}

  @GrpcMethod(inventoryV1.INVENTORY_SERVICE_NAME, 'getAvailability')
  getAvailability(request: inventoryV1.GetAvailabilityRequest): inventoryV1.GetAvailabilityResponse {
    this.state.availabilityCalls += 1;
    const positions = [...(this.state.stock.get(request.sku) ?? new Map<string, number>())].map(([locationId, available]) => ({
      sku: request.sku,
      locationId,
      onHand: available,
      reserved: 0,
      safetyStock: 0,
      available,
    }));
    return { positions };
  }

  @GrpcMethod(inventoryV1.INVENTORY_SERVICE_NAME, 'reservePlan')
  reservePlan(request: inventoryV1.ReservePlanRequest): inventoryV1.ReservePlanResponse {
    const state = this.state;
    state.reserveCalls.push({ tenantId: currentContext()?.tenantId, request });
    if (state.stolenBeforeReserve) {
      const { sku, locationId, quantity } = state.stolenBeforeReserve;
      state.put(sku, locationId, state.available(sku, locationId) - quantity);
      state.stolenBeforeReserve = undefined;
    }
    const key = (lineId: string) => `${request.orderId}/${lineId}`;
    const missing = request.lines.filter((line) => !state.reservations.has(key(line.lineId)));
    const short = missing.filter((line) => state.available(line.sku, line.locationId) < line.quantity);
    if (short.length > 0) {
      throw new DomainError('conflict', 'INSUFFICIENT_STOCK', `Not enough stock for ${short.length} line(s)`, {
        lines: short.map((line) => ({
          lineId: line.lineId,
          sku: line.sku,
          locationId: line.locationId,
          requested: line.quantity,
          available: state.available(line.sku, line.locationId),
        })),
      });
    }
    const expiresAt = new Date(Date.now() + request.ttlSeconds * 1000).toISOString();
    for (const line of missing) {
      state.put(line.sku, line.locationId, state.available(line.sku, line.locationId) - line.quantity);
      state.reservations.set(key(line.lineId), {
        id: randomUUID(),
        orderId: request.orderId,
        lineId: line.lineId,
        sku: line.sku,
        locationId: line.locationId,
        quantity: line.quantity,
        status: 'held',
        expiresAt,
      });
    }
    return { reservations: request.lines.map((line) => state.reservations.get(key(line.lineId)) as inventoryV1.Reservation) };
  }
}

const state = new InventoryState();

@Module({
  controllers: [InventoryDoubleController],
  providers: [
    { provide: INVENTORY_STATE, useValue: state },
    { provide: SERVICE_METRICS, useValue: new ServiceMetrics('inventory-double', { defaultMetrics: false }) },
    { provide: APP_INTERCEPTOR, useClass: GrpcContextInterceptor },
  ],
})
class InventoryDoubleModule {}

const TENANT = 'acme';

function placeRequest(overrides: Partial<ordersV1.PlaceOrderRequest> = {}): ordersV1.PlaceOrderRequest {
  return {
    channel: 'web',
    channelOrderId: `W-${randomUUID().slice(0, 8)}`,
    customerEmail: 'ada@example.com',
    currency: 'EUR',
    deliveryMethod: 'ship_to_address',
    shipTo: { name: 'Ada Lovelace', line1: 'Damrak 1', line2: '', city: 'Amsterdam', postalCode: '1012 LG', country: 'NL' },
    lines: [
      { sku: 'TSHIRT', quantity: 2, unitPriceMinor: 1999 },
      { sku: 'MUG', quantity: 1, unitPriceMinor: 899 },
    ],
    ...overrides,
  };
}

async function refusal(promise: Promise<unknown>): Promise<RemoteError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(RemoteError);
    return error as RemoteError;
  }
  throw new Error('expected the call to be refused');
}

describe('orders PlaceOrder and GetOrder over gRPC', () => {
  let databaseUrl: string;
  let inventory: INestMicroservice;
  let orders: RunningService;
  let client: GrpcPeer<ordersV1.OrdersServiceClient>;
  let db: DataSource;
  const bus = new InProcessEventBus();
  const published: EventEnvelope[] = [];

  const place = (request: ordersV1.PlaceOrderRequest, tenant = TENANT) =>
    withTenant(tenant, () => client.call('placeOrder', request));
  const count = async (sql: string, params: unknown[] = []): Promise<number> =>
    Number((await db.query<Array<{ n: string }>>(sql, params))[0].n);

  beforeAll(async () => {
    databaseUrl = await createTestDatabase('orders place');
    const inventoryUrl = `127.0.0.1:${await freePort()}`;
    inventory = await NestFactory.createMicroservice(InventoryDoubleModule, {
      ...grpcServerOptions('inventory', inventoryUrl),
      logger: false,
    });
    await inventory.listen();

    await bus.subscribe({
      consumer: 'probe',
      types: ['orders.order.placed.v1'],
      handle: async (envelope) => {
        published.push(envelope);
      },
    });
    const config = loadServiceConfig('orders', {
      ORDERS_DATABASE_URL: databaseUrl,
      HTTP_HOST: '127.0.0.1',
      ORDERS_HTTP_PORT: '0',
      GRPC_URL: `127.0.0.1:${await freePort()}`,
      INVENTORY_GRPC_URL: inventoryUrl,
      LOG_LEVEL: 'error',
    });
    orders = await bootstrapService({ service: 'orders', module: OrdersModule.forRoot({ config, bus }), config, grpc: 'orders' });
    db = orders.app.get(DataSource);
    client = new GrpcPeer<ordersV1.OrdersServiceClient>('orders', config.grpcUrl, 10_000);
  });

  afterAll(async () => {
    client?.close();
    await orders?.close();
    await inventory?.close();
    await bus.close();
    if (databaseUrl) await dropTestDatabase(databaseUrl);
  });

  beforeEach(() => {
    state.reset();
    state.put('TSHIRT', 'loc-b', 10);
    state.put('TSHIRT', 'loc-a', 10);
    state.put('TSHIRT', 'loc-c', 1);
    state.put('MUG', 'loc-c', 5);
  });

  it('sources, reserves and commits an order with its history and one placed event', async () => {
    const response = await place(placeRequest({ channelOrderId: 'W-1001' }));

    expect(response.created).toBe(true);
    const order = response.order as ordersV1.Order;
    expect(order).toMatchObject({ channel: 'web', channelOrderId: 'W-1001', status: 'sourced', totalMinor: 2 * 1999 + 899 });
    expect(order.lines.map((l) => [l.sku, l.quantity, l.locationId, l.status])).toEqual([
      ['TSHIRT', 2, 'loc-a', 'sourced'],
      ['MUG', 1, 'loc-c', 'sourced'],
    ]);

    expect(state.reserveCalls).toHaveLength(1);
    const [call] = state.reserveCalls;
    expect(call.tenantId).toBe(TENANT);
    expect(call.request).toMatchObject({ orderId: order.id, ttlSeconds: 900 });
    expect(call.request.lines.map((l) => l.lineId)).toEqual(order.lines.map((l) => l.id));
    expect([...state.reservations.values()].every((r) => r.orderId === order.id)).toBe(true);
    expect(state.available('TSHIRT', 'loc-a')).toBe(8);

    expect(await count('SELECT count(*) AS n FROM order_status_history WHERE order_id = $1', [order.id])).toBe(2 + 2 * 2);
    const history = await db.query<Array<{ from_status: string | null; to_status: string; line_id: string | null }>>(
      'SELECT from_status, to_status, line_id FROM order_status_history WHERE order_id = $1 AND line_id IS NULL ORDER BY id',
      [order.id],
    );
    expect(history).toEqual([
      { from_status: null, to_status: 'created', line_id: null },
      { from_status: 'created', to_status: 'sourced', line_id: null },
    ]);
    expect(await count(`SELECT count(*) AS n FROM outbox_events WHERE aggregate_id = $1 AND type = 'orders.order.placed.v1'`, [order.id])).toBe(1);

    const event = await waitFor(() => published.find((e) => e.aggregateId === order.id), { message: 'the placed event on the bus' });
    expect(event).toMatchObject({ tenantId: TENANT, aggregateType: 'order', type: 'orders.order.placed.v1' });
    expect(event.data).toMatchObject({
      orderId: order.id,
      channelOrderId: 'W-1001',
      totalMinor: 4897,
      lines: [
        { lineId: order.lines[0].id, sku: 'TSHIRT', quantity: 2, unitPriceMinor: 1999, currency: 'EUR', locationId: 'loc-a' },
        { lineId: order.lines[1].id, sku: 'MUG', quantity: 1, unitPriceMinor: 899, currency: 'EUR', locationId: 'loc-c' },
      ],
    });

    const fetched = await withTenant(TENANT, () => client.call('getOrder', { orderId: order.id }));
    expect(fetched.order).toEqual(order);
  });

  it('returns the existing order for a repeated submission without reserving again', async () => {
    const request = placeRequest();
    const first = await place(request);
    const second = await place(request);

    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect(second.order).toEqual(first.order);
    expect(state.reserveCalls).toHaveLength(1);
    expect(await count('SELECT count(*) AS n FROM orders WHERE channel_order_id = $1', [request.channelOrderId])).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM outbox_events WHERE aggregate_id = $1`, [first.order?.id])).toBe(1);
  });

  it('turns 10 concurrent submissions of one order into one order, one hold per line and one event', async () => {
    const request = placeRequest();
    const responses = await Promise.all(Array.from({ length: 10 }, () => place(request)));

    const ids = new Set(responses.map((r) => r.order?.id));
    expect(ids.size).toBe(1);
    expect(responses.filter((r) => r.created)).toHaveLength(1);
    expect(state.reserveCalls.length).toBeGreaterThan(1);
    const [orderId] = [...ids] as string[];
    expect(await count('SELECT count(*) AS n FROM orders WHERE channel_order_id = $1', [request.channelOrderId])).toBe(1);
    expect(await count('SELECT count(*) AS n FROM order_lines WHERE order_id = $1', [orderId])).toBe(2);
    expect(await count(`SELECT count(*) AS n FROM outbox_events WHERE aggregate_id = $1`, [orderId])).toBe(1);
    expect(state.reservations.size).toBe(2);
    expect(state.available('TSHIRT', 'loc-a')).toBe(8);
    expect(state.available('MUG', 'loc-c')).toBe(4);
  });

  it('keeps the same channel order id of another tenant a separate order', async () => {
    const request = placeRequest();
    const mine = await place(request);
    const theirs = await place(request, 'globex');
    expect(theirs.created).toBe(true);
    expect(theirs.order?.id).not.toBe(mine.order?.id);
  });

  it('refuses an order no location can serve with 409-kind INSUFFICIENT_STOCK naming the lines, storing nothing', async () => {
    const request = placeRequest({
      lines: [
        { sku: 'TSHIRT', quantity: 11, unitPriceMinor: 1999 },
        { sku: 'MUG', quantity: 1, unitPriceMinor: 899 },
        { sku: 'UNKNOWN', quantity: 1, unitPriceMinor: 100 },
      ],
    });
    const error = await refusal(place(request));

    expect(error).toMatchObject({ kind: 'conflict', code: 'INSUFFICIENT_STOCK' });
    expect(error.details).toEqual({
      lines: [
        { sku: 'TSHIRT', requested: 11, available: 10 },
        { sku: 'UNKNOWN', requested: 1, available: 0 },
      ],
    });
    expect(state.reserveCalls).toHaveLength(0);
    expect(await count('SELECT count(*) AS n FROM orders WHERE channel_order_id = $1', [request.channelOrderId])).toBe(0);
  });

  it('reports inventory’s shortfall when stock is taken between sourcing and reserving', async () => {
    state.stolenBeforeReserve = { sku: 'TSHIRT', locationId: 'loc-a', quantity: 9 };
    const request = placeRequest();
    const error = await refusal(place(request));

    expect(error).toMatchObject({ kind: 'conflict', code: 'INSUFFICIENT_STOCK' });
    expect(error.details).toEqual({ lines: [{ sku: 'TSHIRT', requested: 2, available: 1 }] });
    expect(state.reservations.size).toBe(0);
    expect(await count('SELECT count(*) AS n FROM orders WHERE channel_order_id = $1', [request.channelOrderId])).toBe(0);
  });

  it('refuses an invalid order naming every bad field, without calling inventory or storing anything', async () => {
    const request = placeRequest({ currency: 'euro', deliveryMethod: 'teleport', lines: [{ sku: '', quantity: 0, unitPriceMinor: 5 }] });
    const error = await refusal(place(request));

    expect(error).toMatchObject({ kind: 'invalid', code: 'VALIDATION_FAILED' });
    expect(error.violations.map((v) => v.field)).toEqual(['currency', 'deliveryMethod', 'lines[0].sku', 'lines[0].quantity']);
    expect(state.availabilityCalls).toBe(0);
    expect(await count('SELECT count(*) AS n FROM orders WHERE channel_order_id = $1', [request.channelOrderId])).toBe(0);
  });

  it('finds an order only within its tenant', async () => {
    const placed = await place(placeRequest());
    const orderId = placed.order?.id as string;

    const elsewhere = await refusal(withTenant('globex', () => client.call('getOrder', { orderId })));
    expect(elsewhere).toMatchObject({ kind: 'not_found', code: 'ORDER_NOT_FOUND' });
    const unknown = await refusal(withTenant(TENANT, () => client.call('getOrder', { orderId: randomUUID() })));
    expect(unknown).toMatchObject({ kind: 'not_found', code: 'ORDER_NOT_FOUND' });
    const malformed = await refusal(withTenant(TENANT, () => client.call('getOrder', { orderId: 'not-a-uuid' })));
    expect(malformed).toMatchObject({ kind: 'not_found' });
  });

  it('refuses a call without a tenant', async () => {
    const error = await refusal(client.call('getOrder', { orderId: randomUUID() }));
    expect(error).toMatchObject({ kind: 'unauthenticated', code: 'TENANT_REQUIRED' });
  });

  it('leaves the held reservations to expire when the commit fails, and a retry reuses them', async () => {
    const request = placeRequest();
    await db.query('ALTER TABLE outbox_events RENAME TO outbox_events_away');
    let failure: RemoteError;
    try {
      failure = await refusal(place(request));
    } finally {
      await db.query('ALTER TABLE outbox_events_away RENAME TO outbox_events');
    }
    expect(failure).toMatchObject({ kind: 'internal' });
    expect(await count('SELECT count(*) AS n FROM orders WHERE channel_order_id = $1', [request.channelOrderId])).toBe(0);
    const held = [...state.reservations.values()];
    expect(held).toHaveLength(2);
    const orderId = held[0].orderId;
    expect(held.every((r) => r.orderId === orderId)).toBe(true);

    const retried = await place(request);
    expect(retried.created).toBe(true);
    expect(retried.order?.id).toBe(orderId);
    expect(state.reservations.size).toBe(2);
    expect(state.available('TSHIRT', 'loc-a')).toBe(8);
  });
});
