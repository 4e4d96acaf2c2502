import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Controller, Inject, Module, type INestMicroservice } from '@nestjs/common';
import { APP_INTERCEPTOR, NestFactory } from '@nestjs/core';
import { GrpcMethod } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import { inventoryV1, ordersV1, returnsV1 } from '@baton/contracts';
import { DomainError, RETURNS_EVENT_TYPES, type EventEnvelope } from '@baton/domain';
import { InProcessEventBus } from '@baton/messaging';
import {
  GrpcContextInterceptor,
  GrpcPeer,
  RemoteError,
  SERVICE_METRICS,
  ServiceMetrics,
  bootstrapService,
  grpcServerOptions,
  loadServiceConfig,
  type PeerMethod,
  type PeerRequest,
  type PeerResponse,
  type RunningService,
} from '@baton/platform';
import { createTestDatabase, dropTestDatabase, freePort, withTenant } from '@baton/testing';
import { ReturnsModule } from '../src';

/** What the orders and inventory doubles hold: orders by id, locations by id, and the calls made. */
export class PeersState {
  readonly orders = new Map<string, ordersV1.Order>();
  readonly locations = new Map<string, inventoryV1.Location>();
  readonly items = new Set<string>();
  readonly placeCalls: ordersV1.PlaceOrderRequest[] = [];
  readonly cancelCalls: ordersV1.CancelOrderRequest[] = [];
  /** When set, PlaceOrder refuses as orders does when nothing can be sourced. */
  refusePlacement = false;
  /** Runs after PlaceOrder answered, e.g. to make the step after it fail. */
  afterPlace: (() => Promise<void>) | undefined;

  reset(): void {
    this.orders.clear();
    this.locations.clear();
    this.items.clear();
    this.placeCalls.length = 0;
    this.cancelCalls.length = 0;
    this.refusePlacement = false;
    this.afterPlace = undefined;
  }
}

const PEERS_STATE = Symbol('PEERS_STATE');

/**
 * A test double of the orders service behind a real gRPC server with the platform's interceptor:
 * GetOrder answers the orders put into the state (ORDER_NOT_FOUND otherwise); PlaceOrder keeps
 * orders' contract for exchanges — idempotent by (channel, channel order id), total = Σ qty × price,
 * INSUFFICIENT_STOCK (409) when told to refuse.
 */
@Controller()
class OrdersDoubleController implements Pick<ordersV1.OrdersServiceController, 'getOrder' | 'placeOrder' | 'cancelOrder'> {
  constructor(@Inject(PEERS_STATE) private readonly state: PeersState) {}

  @GrpcMethod(ordersV1.ORDERS_SERVICE_NAME, 'getOrder')
  getOrder(request: ordersV1.GetOrderRequest): ordersV1.GetOrderResponse {
    const order = this.state.orders.get(request.orderId);
    if (!order) throw new DomainError('not_found', 'ORDER_NOT_FOUND', `Order ${request.orderId} does not exist`, { orderId: request.orderId });
    return { order };
  }

  @GrpcMethod(ordersV1.ORDERS_SERVICE_NAME, 'cancelOrder')
  cancelOrder(request: ordersV1.CancelOrderRequest): ordersV1.CancelOrderResponse {
    this.state.cancelCalls.push(request);
    const order = this.state.orders.get(request.orderId);
    if (!order) throw new DomainError('not_found', 'ORDER_NOT_FOUND', `Order ${request.orderId} does not exist`);
    order.status = 'cancelled';
    return { order, cancelled: [], refused: [], refundMinor: 0, fulfillmentConsulted: false };
  }

  @GrpcMethod(ordersV1.ORDERS_SERVICE_NAME, 'placeOrder')
  async placeOrder(request: ordersV1.PlaceOrderRequest): Promise<ordersV1.PlaceOrderResponse> {
    const placed = this.place(request);
    await this.state.afterPlace?.();
    return placed;
  }

  private place(request: ordersV1.PlaceOrderRequest): ordersV1.PlaceOrderResponse {
    this.state.placeCalls.push(request);
    if (this.state.refusePlacement) {
      throw new DomainError('conflict', 'INSUFFICIENT_STOCK', 'Not every line can be sourced', {
        lines: request.lines.map((l) => ({ sku: l.sku, requested: l.quantity, available: 0 })),
      });
    }
    const existing = [...this.state.orders.values()].find((o) => o.channel === request.channel && o.channelOrderId === request.channelOrderId);
    if (existing) return { order: existing, created: false };
    const order: ordersV1.Order = {
      id: randomUUID(),
      channel: request.channel,
      channelOrderId: request.channelOrderId,
      customerEmail: request.customerEmail,
      currency: request.currency,
      deliveryMethod: request.deliveryMethod,
      shipTo: request.shipTo,
      lines: request.lines.map((l) => ({ id: randomUUID(), sku: l.sku, quantity: l.quantity, unitPriceMinor: l.unitPriceMinor, locationId: 'wh', status: 'sourced' })),
      status: 'sourced',
      totalMinor: request.lines.reduce((sum, l) => sum + l.quantity * l.unitPriceMinor, 0),
      createdAt: new Date().toISOString(),
    };
    this.state.orders.set(order.id, order);
    return { order, created: true };
  }
}

/** A test double of inventory's GetLocation and GetItem (NOT_FOUND for unknown ids and SKUs). */
@Controller()
class InventoryDoubleController implements Pick<inventoryV1.InventoryServiceController, 'getLocation' | 'getItem'> {
  constructor(@Inject(PEERS_STATE) private readonly state: PeersState) {}

  @GrpcMethod(inventoryV1.INVENTORY_SERVICE_NAME, 'getLocation')
  getLocation(request: inventoryV1.GetLocationRequest): inventoryV1.GetLocationResponse {
    const location = this.state.locations.get(request.locationId);
    if (!location) throw new DomainError('not_found', 'LOCATION_NOT_FOUND', `No location ${request.locationId}`);
    return { location };
  }

  @GrpcMethod(inventoryV1.INVENTORY_SERVICE_NAME, 'getItem')
  getItem(request: inventoryV1.GetItemRequest): inventoryV1.GetItemResponse {
    if (!this.state.items.has(request.sku)) throw new DomainError('not_found', 'ITEM_NOT_FOUND', `No item ${request.sku}`);
    return { item: { sku: request.sku, name: request.sku, productGroup: '', unitValueMinor: 0 } as inventoryV1.Item };
  }
}

export const peers = new PeersState();

@Module({
  controllers: [OrdersDoubleController],
  providers: [
    { provide: PEERS_STATE, useValue: peers },
    { provide: SERVICE_METRICS, useValue: new ServiceMetrics('orders-double', { defaultMetrics: false }) },
    { provide: APP_INTERCEPTOR, useClass: GrpcContextInterceptor },
  ],
})
class OrdersDoubleModule {}

@Module({
  controllers: [InventoryDoubleController],
  providers: [
    { provide: PEERS_STATE, useValue: peers },
    { provide: SERVICE_METRICS, useValue: new ServiceMetrics('inventory-double', { defaultMetrics: false }) },
    { provide: APP_INTERCEPTOR, useClass: GrpcContextInterceptor },
  ],
})
class InventoryDoubleModule {}

export const TENANT = 'acme';

type ReturnsClient = returnsV1.ReturnsServiceClient;

/** A location as inventory would answer it; accepts returns unless told otherwise. */
export function location(overrides: Partial<inventoryV1.Location> = {}): inventoryV1.Location {
  const id = overrides.id ?? randomUUID();
  const full = {
    id,
    code: `LOC-${id.slice(0, 4)}`,
    name: 'A place',
    type: 'store',
    latitude: 52.37,
    longitude: 4.89,
    capabilities: ['pickup', 'accept_returns'],
    active: true,
    ...overrides,
  } as inventoryV1.Location;
  peers.locations.set(id, full);
  return full;
}

export interface OrderLineSeed {
  sku: string;
  quantity: number;
  unitPriceMinor: number;
  status?: string;
  taxMinor?: number;
  discountMinor?: number;
}

/** An order as orders would answer GetOrder; its lines shipped unless told otherwise. */
export function order(lines: OrderLineSeed[], overrides: Partial<ordersV1.Order> = {}): ordersV1.Order {
  const full: ordersV1.Order = {
    id: randomUUID(),
    channel: 'web',
    channelOrderId: `W-${randomUUID().slice(0, 8)}`,
    customerEmail: 'ada@example.com',
    currency: 'EUR',
    deliveryMethod: 'ship_to_address',
    shipTo: { name: 'Ada Lovelace', line1: 'Damrak 1', line2: '', city: 'Amsterdam', postalCode: '1012 LG', country: 'NL' },
    lines: lines.map((line) => ({
      id: randomUUID(),
      sku: line.sku,
      quantity: line.quantity,
      unitPriceMinor: line.unitPriceMinor,
      locationId: 'wh',
      status: line.status ?? 'shipped',
      taxMinor: line.taxMinor,
      discountMinor: line.discountMinor,
    })),
    status: 'shipped',
    totalMinor: lines.reduce((sum, line) => sum + line.quantity * line.unitPriceMinor - (line.discountMinor ?? 0) + (line.taxMinor ?? 0), 0),
    createdAt: new Date().toISOString(),
    ...overrides,
  };
  peers.orders.set(full.id, full);
  return full;
}

/** The returns service on a fresh database, with its peers as doubles and its events captured. */
export class ReturnsHarness {
  service!: RunningService;
  client!: GrpcPeer<returnsV1.ReturnsServiceClient>;
  db!: DataSource;
  readonly published: EventEnvelope[] = [];
  private databaseUrl = '';
  private readonly bus = new InProcessEventBus();
  private readonly doubles: INestMicroservice[] = [];

  async start(name: string): Promise<void> {
    this.databaseUrl = await createTestDatabase(name);
    const ordersUrl = `127.0.0.1:${await freePort()}`;
    const inventoryUrl = `127.0.0.1:${await freePort()}`;
    for (const [module, service, url] of [
      [OrdersDoubleModule, 'orders', ordersUrl],
      [InventoryDoubleModule, 'inventory', inventoryUrl],
    ] as const) {
      const double = await NestFactory.createMicroservice(module, { ...grpcServerOptions(service, url), logger: false });
      await double.listen();
      this.doubles.push(double);
    }
    await this.bus.subscribe({
      consumer: 'probe',
      types: [...RETURNS_EVENT_TYPES],
      handle: async (envelope) => {
        this.published.push(envelope);
      },
    });
    const config = loadServiceConfig('returns', {
      RETURNS_DATABASE_URL: this.databaseUrl,
      HTTP_HOST: '127.0.0.1',
      RETURNS_HTTP_PORT: '0',
      GRPC_URL: `127.0.0.1:${await freePort()}`,
      ORDERS_GRPC_URL: ordersUrl,
      INVENTORY_GRPC_URL: inventoryUrl,
      LOG_LEVEL: 'error',
    });
    this.service = await bootstrapService({
      service: 'returns',
      module: ReturnsModule.forRoot({ config, bus: this.bus }),
      config,
      grpc: 'returns',
    });
    this.db = this.service.app.get(DataSource);
    this.client = new GrpcPeer<returnsV1.ReturnsServiceClient>('returns', config.grpcUrl, 15_000);
  }

  async stop(): Promise<void> {
    this.client?.close();
    await this.service?.close();
    for (const double of this.doubles) await double.close();
    await this.bus.close();
    if (this.databaseUrl) await dropTestDatabase(this.databaseUrl);
  }

  /** Calls one returns RPC as the tenant. */
  call<K extends PeerMethod<ReturnsClient>>(method: K, request: PeerRequest<ReturnsClient, K>, tenant = TENANT): Promise<PeerResponse<ReturnsClient, K>> {
    return withTenant(tenant, () => this.client.call(method, request));
  }

  async count(sql: string, params: unknown[] = []): Promise<number> {
    return Number((await this.db.query<Array<{ n: string }>>(sql, params))[0].n);
  }

  events(type: string, returnId?: string): EventEnvelope[] {
    return this.published.filter((e) => e.type === type && (returnId === undefined || e.aggregateId === returnId));
  }
}

/** The remote refusal of a call that must fail. */
export async function refusal(promise: Promise<unknown>): Promise<RemoteError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(RemoteError);
    return error as RemoteError;
  }
  throw new Error('expected the call to be refused');
}

/** A CreateReturn request with every field, for one line of `forOrder`. */
export function createRequest(
  forOrder: ordersV1.Order,
  overrides: Partial<returnsV1.CreateReturnRequest> = {},
): returnsV1.CreateReturnRequest {
  return {
    orderId: forOrder.id,
    method: 'in_store',
    locationId: '',
    createdBy: 'store',
    reference: '',
    lines: [{ lineId: forOrder.lines[0].id, quantity: 1, reasonCode: 'changed_mind', note: '' }],
    refundMode: '',
    noRefundReason: '',
    exchangeLines: [],
    ...overrides,
  };
}

/** A ListReturns request: no filter, default page, unless overridden. */
export function listRequest(overrides: Partial<returnsV1.ListReturnsRequest> = {}): returnsV1.ListReturnsRequest {
  return { orderId: '', status: '', locationId: '', pageSize: 0, pageToken: '', locationIds: [], ...overrides };
}
