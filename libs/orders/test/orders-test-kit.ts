import { randomUUID } from 'node:crypto';
import type { INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import type { ordersV1 } from '@baton/contracts';
import { versionOf, type EventEnvelope, type EventMap, type EventType } from '@baton/domain';
import { InProcessEventBus } from '@baton/messaging';
import {
  GrpcPeer,
  RemoteError,
  bootstrapService,
  grpcServerOptions,
  loadServiceConfig,
  type PeerMethod,
  type PeerRequest,
  type PeerResponse,
  type RunningService,
} from '@baton/platform';
import { createTestDatabase, dropTestDatabase, freePort, withTenant } from '@baton/testing';
import { OrdersModule, type OrdersSettings } from '../src';
import { InventoryState, inventoryDoubleModule } from './inventory-double';

export const TENANT = 'acme';

/** Orders on real Postgres and a real gRPC server, inventory as a gRPC double, events on the in-process bus. */
export interface OrdersUnderTest {
  state: InventoryState;
  bus: InProcessEventBus;
  published: EventEnvelope[];
  db: DataSource;
  call<K extends PeerMethod<Client>>(method: K, request: PeerRequest<Client, K>, tenant?: string): Promise<PeerResponse<Client, K>>;
  /** Delivers an event from another service to orders and waits until it is handled. */
  deliver<T extends EventType>(type: T, aggregateId: string, data: EventMap[T], tenant?: string): Promise<EventEnvelope<T>>;
  count(sql: string, params?: unknown[]): Promise<number>;
  close(): Promise<void>;
}

type Client = ordersV1.OrdersServiceClient;

export async function startOrders(
  name: string,
  options: { clock?: () => Date; settings?: Partial<OrdersSettings> } = {},
): Promise<OrdersUnderTest> {
  const state = new InventoryState();
  const databaseUrl = await createTestDatabase(name);
  const inventoryUrl = `127.0.0.1:${await freePort()}`;
  const inventory: INestMicroservice = await NestFactory.createMicroservice(inventoryDoubleModule(state), {
    ...grpcServerOptions('inventory', inventoryUrl),
    logger: false,
  });
  await inventory.listen();
  const bus = new InProcessEventBus();
  const published: EventEnvelope[] = [];
  await bus.subscribe({
    consumer: 'probe',
    types: [
      'orders.order.placed.v1',
      'orders.order.cancelled.v1',
      'orders.order.sourced.v1',
      'orders.order.held.v1',
      'orders.order.released.v1',
      'orders.order.line.backordered.v1',
      'orders.order.status-changed.v1',
    ],
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
  const orders: RunningService = await bootstrapService({
    service: 'orders',
    module: OrdersModule.forRoot({
      config,
      bus,
      clock: options.clock,
      settings: { reservationTtlSeconds: 900, consultFulfillment: false, ...options.settings },
    }),
    config,
    grpc: 'orders',
  });
  const db = orders.app.get(DataSource);
  const client = new GrpcPeer<ordersV1.OrdersServiceClient>('orders', config.grpcUrl, 10_000);
  return {
    state,
    bus,
    published,
    db,
    call: (method, request, tenant = TENANT) => withTenant(tenant, () => client.call(method, request)),
    async deliver(type, aggregateId, data, tenant = TENANT) {
      const envelope = {
        id: randomUUID(),
        type,
        version: versionOf(type),
        tenantId: tenant,
        aggregateType: 'test',
        aggregateId,
        occurredAt: new Date().toISOString(),
        correlationId: randomUUID(),
        causationId: null,
        data,
      } as EventEnvelope<typeof type>;
      await bus.publish(envelope);
      return envelope;
    },
    async count(sql, params = []) {
      return Number((await db.query<Array<{ n: string }>>(sql, params))[0].n);
    },
    async close() {
      client.close();
      await orders.close();
      await inventory.close();
      await bus.close();
      await dropTestDatabase(databaseUrl);
    },
  };
}

export async function refusal(promise: Promise<unknown>): Promise<RemoteError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RemoteError) return error;
    throw error;
  }
  throw new Error('expected the call to be refused');
}

/** A network: a warehouse in Utrecht, another in Rotterdam and a store in Amsterdam. */
export function seedNetwork(state: InventoryState): void {
  state.location('wh-utrecht', { latitude: 52.09, longitude: 5.12, handlingCostMinor: 200 });
  state.location('wh-rotterdam', { latitude: 51.92, longitude: 4.48, handlingCostMinor: 150 });
  state.location('st-amsterdam', {
    type: 'store',
    capabilities: ['ship', 'pickup', 'same_day'],
    latitude: 52.3731,
    longitude: 4.8926,
    handlingCostMinor: 300,
  });
}

export function placeRequest(overrides: Partial<ordersV1.PlaceOrderRequest> = {}): ordersV1.PlaceOrderRequest {
  return {
    channel: 'web',
    channelOrderId: `W-${randomUUID().slice(0, 8)}`,
    customerEmail: 'ada@example.com',
    currency: 'EUR',
    deliveryMethod: 'ship_to_address',
    shipTo: { name: 'Ada Lovelace', line1: 'Damrak 1', line2: '', city: 'Amsterdam', postalCode: '1012 LG', country: 'NL', latitude: 52.3731, longitude: 4.8926 },
    lines: [
      { sku: 'TSHIRT', quantity: 2, unitPriceMinor: 1999 },
      { sku: 'MUG', quantity: 1, unitPriceMinor: 899 },
    ],
    ...overrides,
  };
}

/** 09:00 UTC today: before every built-in carrier's cut-off, so same-day and next-day plans are stable. */
export function morningClock(): () => Date {
  return () => {
    const now = new Date();
    return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 9, 0, 0));
  };
}

/** A fulfilment line as fulfillment's events name it: the reserved part, its SKU, quantity and location. */
export function partOf(order: ordersV1.Order, lineIndex: number, quantity?: number) {
  const line = order.lines[lineIndex];
  const part = line.allocations?.items.find((a) => a.quantity - a.releasedQuantity > 0) ?? line.allocations?.items[0];
  if (!part) throw new Error(`line ${lineIndex} has no part`);
  return { lineId: part.id, sku: line.sku, quantity: quantity ?? part.quantity - part.releasedQuantity, locationId: part.locationId };
}
