import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { fulfillmentV1 } from '@baton/contracts';
import type { EventBus } from '@baton/messaging';
import type { EventEnvelope, EventMap, EventType, OrderPlacedV1 } from '@baton/domain';
import { InProcessEventBus } from '@baton/messaging';
import {
  GrpcPeer,
  bootstrapService,
  loadServiceConfig,
  type PeerMethod,
  type PeerRequest,
  type PeerResponse,
  type RunningService,
} from '@baton/platform';
import { createTestDatabase, dropTestDatabase, freePort, withTenant } from '@baton/testing';
import { FulfillmentModule, FulfillmentTimersJob, loadFulfillmentSettings, type Carrier } from '../src';

export type Client = fulfillmentV1.FulfillmentServiceClient;

/** A line of a placed order as tests write it; the richer per-line fields orders may send are allowed. */
export type PlacedLine = Pick<OrderPlacedV1['lines'][number], 'sku' | 'quantity' | 'locationId'> & {
  unitPriceMinor?: number;
  deliveryMethod?: string;
  destinationLocationId?: string;
  requestedWindow?: { from: string; to: string };
  promisedBy?: string;
};

export const AMSTERDAM = { name: 'Ada Lovelace', line1: 'Damrak 1', city: 'Amsterdam', postalCode: '1012 LG', country: 'NL' };

/**
 * One fulfillment service on a fresh database, fed by an in-process bus (or the bus given), with a
 * gRPC client, the timers job to drive by hand, and readers of what it wrote to its outbox.
 */
export class FulfillmentKit {
  readonly tenant = `t-${randomUUID().slice(0, 8)}`;
  /** The service's clock: Wednesday 18 November 2026, 10:00 in Amsterdam, until a test moves it. */
  now = new Date('2026-11-18T09:00:00Z');
  service!: RunningService;
  client!: GrpcPeer<Client>;
  db!: DataSource;
  timers!: FulfillmentTimersJob;
  private databaseUrl?: string;

  constructor(
    readonly bus: EventBus = new InProcessEventBus(),
    private readonly carriers: Carrier[] = [],
  ) {}

  async start(name: string): Promise<this> {
    this.databaseUrl = await createTestDatabase(name);
    const config = loadServiceConfig('fulfillment', {
      FULFILLMENT_DATABASE_URL: this.databaseUrl,
      HTTP_HOST: '127.0.0.1',
      FULFILLMENT_HTTP_PORT: '0',
      GRPC_URL: `127.0.0.1:${await freePort()}`,
      LOG_LEVEL: 'error',
    });
    this.service = await bootstrapService({
      service: 'fulfillment',
      module: FulfillmentModule.forRoot({
        config,
        bus: this.bus,
        settings: { ...loadFulfillmentSettings({}), timerIntervalMs: 0 },
        carriers: this.carriers,
        clock: () => this.now,
      }),
      config,
      grpc: 'fulfillment',
    });
    this.db = this.service.app.get(DataSource);
    this.timers = this.service.app.get(FulfillmentTimersJob);
    this.client = new GrpcPeer<Client>('fulfillment', config.grpcUrl, 10_000);
    return this;
  }

  async stop(): Promise<void> {
    this.client?.close();
    await this.service?.close();
    await this.bus.close();
    if (this.databaseUrl) await dropTestDatabase(this.databaseUrl);
  }

  call<K extends PeerMethod<Client>>(method: K, request: PeerRequest<Client, K>, tenant = this.tenant): Promise<PeerResponse<Client, K>> {
    return withTenant(tenant, () => this.client.call(method, request));
  }

  /** Fails with the error's code (or message), so a test can `rejects.toMatchObject({ code })`. */
  async refusal<K extends PeerMethod<Client>>(method: K, request: PeerRequest<Client, K>): Promise<{ code?: string; kind?: string; details?: Record<string, unknown> }> {
    try {
      await this.call(method, request);
    } catch (error) {
      return error as { code?: string; kind?: string; details?: Record<string, unknown> };
    }
    throw new Error(`${method} was expected to be refused`);
  }

  placedEvent(lines: PlacedLine[], extra: Record<string, unknown> = {}): EventEnvelope<'orders.order.placed.v1'> {
    const orderId = randomUUID();
    return {
      id: randomUUID(),
      type: 'orders.order.placed.v1',
      version: 1,
      tenantId: this.tenant,
      aggregateType: 'order',
      aggregateId: orderId,
      occurredAt: new Date().toISOString(),
      correlationId: randomUUID(),
      causationId: null,
      data: {
        orderId,
        channel: 'web',
        channelOrderId: `W-${orderId.slice(0, 8)}`,
        customerEmail: 'ada@example.com',
        deliveryMethod: 'ship_to_address',
        shipTo: AMSTERDAM,
        lines: lines.map((line) => ({ lineId: randomUUID(), unitPriceMinor: 1000, currency: 'EUR', ...line })),
        totalMinor: lines.reduce((sum, line) => sum + line.quantity * (line.unitPriceMinor ?? 1000), 0),
        currency: 'EUR',
        ...extra,
      } as OrderPlacedV1,
    };
  }

  /** Publishes a placed order and returns its fulfilment orders (created in the consumer's transaction). */
  async place(lines: PlacedLine[], extra: Record<string, unknown> = {}) {
    const event = this.placedEvent(lines, extra);
    await this.bus.publish(event);
    const { fulfillments } = await this.call('listOrderFulfillments', { orderId: event.data.orderId });
    return { event, orderId: event.data.orderId, fulfillments };
  }

  /** The events of `type` fulfillment wrote to its outbox (for one fulfilment when given), in order. */
  async outboxed<T extends EventType>(type: T, aggregateId?: string): Promise<Array<EventEnvelope<T>>> {
    const rows = await this.db.query<Array<{ envelope: EventEnvelope<T> }>>(
      `SELECT envelope FROM outbox_events WHERE type = $1 AND ($2::text IS NULL OR aggregate_id = $2) ORDER BY seq`,
      [type, aggregateId ?? null],
    );
    return rows.map((row) => row.envelope);
  }

  async data<T extends EventType>(type: T, aggregateId?: string): Promise<Array<EventMap[T]>> {
    return (await this.outboxed(type, aggregateId)).map((e) => e.data);
  }

  async count(sql: string, params: unknown[] = []): Promise<number> {
    return Number((await this.db.query<Array<{ n: string }>>(sql, params))[0].n);
  }

  /** Accepts, picks everything and packs into one package. */
  async readyToShip(fulfillment: fulfillmentV1.Fulfillment, box = { weightGrams: 1200, lengthMm: 300, widthMm: 200, heightMm: 100 }) {
    await this.call('acceptFulfillment', { fulfillmentId: fulfillment.id });
    await this.pickAll(fulfillment);
    return (await this.call('packFulfillment', { fulfillmentId: fulfillment.id, packages: [{ ...box, lines: [] }] })).fulfillment as fulfillmentV1.Fulfillment;
  }

  async pickAll(fulfillment: fulfillmentV1.Fulfillment) {
    return (
      await this.call('confirmPick', {
        fulfillmentId: fulfillment.id,
        lines: fulfillment.lines.map((line) => ({ lineId: line.lineId, quantity: line.quantity })),
        scannedSkus: [],
      })
    ).fulfillment as fulfillmentV1.Fulfillment;
  }
}
