import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { DataSource } from 'typeorm';
import type { trackingV1 } from '@baton/contracts';
import type { EventEnvelope, EventMap, EventType, ScanCode } from '@baton/domain';
import type { EventBus } from '@baton/messaging';
import { GrpcPeer, bootstrapService, loadServiceConfig, type RunningService, type ServiceConfig } from '@baton/platform';
import { freePort } from '@baton/testing';
import { READ_MODEL_TABLES, TrackingModule, type CarrierIntegrations, type TrackingSettings } from '../src';

export const T0 = Date.parse('2025-03-01T10:00:00.000Z');

/** Settings for tests: tiny backoffs and fast polling, so retries happen within a test. */
export function testSettings(overrides: Partial<TrackingSettings['webhooks']> = {}): TrackingSettings {
  return {
    webhooks: { maxAttempts: 4, backoff: { initialMs: 20, maxMs: 80 }, timeoutMs: 2000, pollIntervalMs: 25, ...overrides },
    carrierPollIntervalMs: 0,
    atRiskWindowMs: 24 * 3_600_000,
  };
}

export function envelope<T extends EventType>(
  tenantId: string,
  type: T,
  aggregate: { type: string; id: string },
  atMs: number,
  data: EventMap[T],
): EventEnvelope<T> {
  return {
    id: randomUUID(),
    type,
    version: 1,
    tenantId,
    aggregateType: aggregate.type,
    aggregateId: aggregate.id,
    occurredAt: new Date(atMs).toISOString(),
    correlationId: 'journey',
    causationId: null,
    data,
  };
}

/** A carrier scan as tracking's ingest publishes it. */
export function scanEvent(
  tenantId: string,
  parcel: { carrier: string; trackingNumber: string },
  code: ScanCode,
  atMs: number,
  extra: Partial<EventMap['tracking.shipment.scanned.v1']> = {},
): EventEnvelope<'tracking.shipment.scanned.v1'> {
  const occurredAt = new Date(atMs).toISOString();
  return envelope(tenantId, 'tracking.shipment.scanned.v1', { type: 'shipment', id: `${parcel.carrier}:${parcel.trackingNumber}` }, atMs, {
    scanId: randomUUID(),
    carrier: parcel.carrier,
    trackingNumber: parcel.trackingNumber,
    code,
    description: code === 'delivered' ? 'Delivered, signed by J. Doe' : 'Parcel scanned',
    place: { city: 'Utrecht', postalCode: '3511', country: 'NL', name: 'Hub Utrecht' },
    occurredAt,
    source: 'webhook',
    ...extra,
  });
}

export interface Journey {
  orderId: string;
  channelOrderId: string;
  email: string;
  phone: string;
  lines: Array<{ lineId: string; sku: string; quantity: number; locationId: string }>;
  parcel: { shipmentId: string; carrier: string; trackingNumber: string };
  /** Placed, reserved, two fulfilments, one shipped line (with carrier scans) and one collected. */
  events: EventEnvelope[];
}

/**
 * One order's journey across every service: two lines, one shipped to the customer and tracked by
 * the carrier (one scan before the shipped event), the other collected in a store; plus a stock
 * change about no order.
 */
export function journey(tenantId: string, options: { promisedBy?: string; delivered?: boolean } = {}): Journey {
  const orderId = randomUUID();
  const suffix = orderId.slice(0, 8).toUpperCase();
  const channelOrderId = `W-${suffix}`;
  const email = `ada.${suffix.toLowerCase()}@example.com`;
  const phone = `+31 6 ${suffix.slice(0, 4)} ${suffix.slice(4)}`.replace(/[A-F]/g, '7');
  const lines = [
    { lineId: randomUUID(), sku: 'TSHIRT', quantity: 2, locationId: 'loc-warehouse' },
    { lineId: randomUUID(), sku: 'MUG', quantity: 1, locationId: 'loc-store' },
  ];
  const [shipLine, collectLine] = lines;
  const parcel = { shipmentId: randomUUID(), carrier: 'dhl', trackingNumber: `JD${suffix}` };
  const [shipFulfilment, collectFulfilment] = [randomUUID(), randomUUID()];
  const order = { type: 'order', id: orderId };
  const events: EventEnvelope[] = [
    envelope(tenantId, 'orders.order.placed.v1', order, T0, {
      orderId,
      channel: 'web',
      channelOrderId,
      customerEmail: email.toUpperCase(),
      customerPhone: phone,
      deliveryMethod: 'ship_to_address',
      shipTo: { name: 'Ada', line1: 'Damrak 1', city: 'Amsterdam', postalCode: '1012 LG', country: 'NL' },
      ...(options.promisedBy ? { promisedBy: options.promisedBy } : {}),
      lines: lines.map((line) => ({ ...line, unitPriceMinor: 1000, currency: 'EUR' })),
      totalMinor: 3000,
      currency: 'EUR',
    }),
    envelope(tenantId, 'inventory.stock.reserved.v1', order, T0 + 100, {
      orderId,
      reservations: lines.map((line) => ({ reservationId: randomUUID(), ...line, expiresAt: new Date(T0 + 900_000).toISOString() })),
    }),
    envelope(tenantId, 'inventory.stock.changed.v1', { type: 'stock_position', id: 'TSHIRT@loc-warehouse' }, T0 + 150, {
      sku: 'TSHIRT',
      locationId: 'loc-warehouse',
      movementType: 'reservation',
      quantity: 2,
      onHand: 10,
      reserved: 2,
      available: 8,
      reference: `order/${orderId}`,
    }),
    ...[
      [shipFulfilment, shipLine],
      [collectFulfilment, collectLine],
    ].map(([fulfillmentId, line]) => {
      const { lineId, sku, quantity, locationId } = line as Journey['lines'][number];
      return envelope(tenantId, 'fulfillment.fulfillment.created.v1', { type: 'fulfillment', id: fulfillmentId as string }, T0 + 1000, {
        fulfillmentId: fulfillmentId as string,
        orderId,
        locationId,
        deliveryMethod: locationId === 'loc-store' ? 'click_and_collect' : 'ship_to_address',
        lines: [{ lineId, sku, quantity }],
      });
    }),
    scanEvent(tenantId, parcel, 'info_received', T0 + 1500),
    envelope(tenantId, 'fulfillment.fulfillment.shipped.v1', { type: 'fulfillment', id: shipFulfilment }, T0 + 2000, {
      fulfillmentId: shipFulfilment,
      orderId,
      locationId: shipLine.locationId,
      lines: [{ lineId: shipLine.lineId, sku: shipLine.sku, quantity: shipLine.quantity }],
      shipments: [{ shipmentId: parcel.shipmentId, carrier: parcel.carrier, service: 'parcel', trackingNumber: parcel.trackingNumber }],
    }),
    scanEvent(tenantId, parcel, 'in_transit', T0 + 3000, { estimatedDeliveryAt: new Date(T0 + 86_400_000).toISOString() }),
    envelope(tenantId, 'fulfillment.fulfillment.ready-for-pickup.v1', { type: 'fulfillment', id: collectFulfilment }, T0 + 3500, {
      fulfillmentId: collectFulfilment,
      orderId,
      locationId: collectLine.locationId,
      pickupCode: '123456',
      expiresAt: new Date(T0 + 3 * 86_400_000).toISOString(),
      lines: [{ lineId: collectLine.lineId, sku: collectLine.sku, quantity: collectLine.quantity }],
    }),
    scanEvent(tenantId, parcel, 'out_for_delivery', T0 + 4000),
    envelope(tenantId, 'fulfillment.fulfillment.collected.v1', { type: 'fulfillment', id: collectFulfilment }, T0 + 4500, {
      fulfillmentId: collectFulfilment,
      orderId,
      locationId: collectLine.locationId,
      lines: [{ lineId: collectLine.lineId, sku: collectLine.sku, quantity: collectLine.quantity }],
    }),
  ];
  if (options.delivered !== false) events.push(scanEvent(tenantId, parcel, 'delivered', T0 + 5000));
  return { orderId, channelOrderId, email, phone, lines, parcel, events };
}

/** Starts the tracking service on free ports against `databaseUrl`, with a gRPC client to it. */
export async function startTracking(options: {
  databaseUrl: string;
  bus: EventBus;
  settings?: TrackingSettings;
  carriers?: CarrierIntegrations;
  env?: NodeJS.ProcessEnv;
}): Promise<{
  service: RunningService;
  config: ServiceConfig;
  client: GrpcPeer<trackingV1.TrackingServiceClient>;
  close(): Promise<void>;
}> {
  const config = loadServiceConfig('tracking', {
    TRACKING_DATABASE_URL: options.databaseUrl,
    HTTP_HOST: '127.0.0.1',
    TRACKING_HTTP_PORT: '0',
    GRPC_URL: `127.0.0.1:${await freePort()}`,
    LOG_LEVEL: 'error',
    ...options.env,
  });
  const service = await bootstrapService({
    service: 'tracking',
    module: TrackingModule.forRoot({ config, bus: options.bus, settings: options.settings ?? testSettings(), carriers: options.carriers }),
    config,
    grpc: 'tracking',
  });
  const client = new GrpcPeer<trackingV1.TrackingServiceClient>('tracking', config.grpcUrl, 10_000);
  return {
    service,
    config,
    client,
    async close() {
      client.close();
      await service.close();
    },
  };
}

/**
 * Every row of the read model tables in a stable order, without surrogate keys and arrival times:
 * what must be equal between a live model and a rebuilt one.
 */
export async function readModelSnapshot(dataSource: DataSource, withEventLog: boolean): Promise<Record<string, unknown[]>> {
  const snapshot: Record<string, unknown[]> = {};
  const orderBy: Record<string, string> = {
    timeline_entries: 'event_id',
    tracked_orders: 'tenant_id, order_id',
    tracked_shipments: 'tenant_id, shipment_id',
    shipment_scans: 'event_id',
    tracked_events: 'event_id',
  };
  for (const table of [...READ_MODEL_TABLES, ...(withEventLog ? ['tracked_events'] : [])]) {
    const rows = await dataSource.query<Array<Record<string, unknown>>>(`SELECT * FROM ${table} ORDER BY ${orderBy[table]}`);
    snapshot[table] = rows.map(({ id: _id, recorded_at: _recordedAt, ...rest }) => rest);
  }
  return snapshot;
}

/** A stream prefix no other test run uses. */
export function uniqueStreamPrefix(): string {
  return `TRK${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`;
}

/** Deletes every stream under a test's prefix (the test NATS server keeps streams on disk). */
export async function deletePrefixedStreams(natsUrl: string, streamPrefix: string): Promise<void> {
  const nc = await connect({ servers: natsUrl });
  try {
    const jsm = await jetstreamManager(nc);
    for await (const name of jsm.streams.names()) {
      if (name.startsWith(`${streamPrefix}_`)) await jsm.streams.delete(name);
    }
  } finally {
    await nc.close();
  }
}

/** Damages the read model (drops some rows, adds a bogus one), so a rebuild has something to repair. */
export async function damageReadModel(dataSource: DataSource): Promise<void> {
  await dataSource.query(`DELETE FROM timeline_entries WHERE id IN (SELECT id FROM timeline_entries ORDER BY id LIMIT 3)`);
  await dataSource.query(`DELETE FROM shipment_scans WHERE event_id IN (SELECT event_id FROM shipment_scans LIMIT 1)`);
  await dataSource.query(`UPDATE tracked_orders SET customer_email = 'mallory@example.com'`);
  await dataSource.query(
    `INSERT INTO tracked_shipments (tenant_id, shipment_id, order_id, fulfillment_id, location_id, carrier, service, tracking_number, shipped_at, event_id)
     VALUES ('acme', 'bogus', 'bogus', 'bogus', 'bogus', 'dhl', 'x', 'BOGUS1', now(), gen_random_uuid())`,
  );
}
