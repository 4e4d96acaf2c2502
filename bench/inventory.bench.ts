import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import type { inventoryV1 } from '@baton/contracts';
import { DomainError } from '@baton/domain';
import { haversineKm } from '@baton/inventory';
import { GrpcPeer, runWithContext } from '@baton/platform';
import { freshDatabase, percentile, round, runFor, sleep, startInventory, streamFeed } from './inventory-bench-kit';
import { type Seeded, TENANT, seed } from './inventory-bench-seed';

/**
 * `npm run bench -- inventory`: the inventory service (its own process, gRPC) against the raw
 * database doing the same work, in one run, on one fresh database:
 * reservations/s with 32 clients on random positions; the flash sale on one hot row (and zero
 * oversell); ATP latency for one SKU across 1,000 locations and for a 10-line cart; feed import
 * of 100,000 rows. Sizes can be scaled down with BENCH_SCALE (e.g. 0.2) for a quick look.
 */
const SCALE = Number(process.env.BENCH_SCALE ?? '1');
const CLIENTS = 32;
const SIZES = {
  locations: 1000,
  skus: Math.round(10_000 * SCALE),
  reservationLocations: 50,
  onHand: 1000,
  flashUnits: Math.round(3000 * SCALE),
};
const RESERVE_MS = Math.round(15_000 * SCALE);
const ATP_SAMPLES = Math.round(300 * SCALE);
const FEED_ROWS = Math.round(100_000 * SCALE);

type Peer = GrpcPeer<inventoryV1.InventoryServiceClient>;
const inTenant = <T>(fn: () => Promise<T>): Promise<T> => runWithContext({ tenantId: TENANT, correlationId: 'bench', principal: 'bench' }, fn);
const pick = <T>(list: T[]): T => list[Math.floor(Math.random() * list.length)];
const isRefusal = (error: unknown) => error instanceof DomainError && error.code === 'INSUFFICIENT_STOCK';

/** The service and the raw baseline each work on their own half of the SKUs: same table, same shape, no shared rows. */
const oursOf = (seeded: Seeded) => seeded.skus.slice(0, seeded.skus.length / 2);
const rawOf = (seeded: Seeded) => seeded.skus.slice(seeded.skus.length / 2);

async function reservations(peer: Peer, pool: Pool, seeded: Seeded) {
  const rawSkus = rawOf(seeded);
  const ourSkus = oursOf(seeded);
  const raw = await runFor(CLIENTS, RESERVE_MS, async () => {
    await pool.query(
      `UPDATE stock_positions SET reserved = reserved + 1, version = version + 1, updated_at = now()
        WHERE tenant_id = $1 AND sku = $2 AND location_id = $3 AND on_hand - reserved - safety_stock >= 1`,
      [TENANT, pick(rawSkus), pick(seeded.reservationLocationIds)],
    );
  });
  let refused = 0;
  const ours = await runFor(CLIENTS, RESERVE_MS, async (client, i) => {
    try {
      await inTenant(() =>
        peer.call('reservePlan', {
          orderId: `bench-${client}-${i}`,
          lines: [{ lineId: '1', sku: pick(ourSkus), locationId: pick(seeded.reservationLocationIds), quantity: 1 }],
          ttlSeconds: 3600,
        }),
      );
    } catch (error) {
      if (!isRefusal(error)) throw error;
      refused += 1;
    }
  });
  const rawRate = raw.operations / raw.seconds;
  const oursRate = ours.operations / ours.seconds;
  return { clients: CLIENTS, seconds: round(ours.seconds), oursPerSecond: round(oursRate), rawPerSecond: round(rawRate), ratio: round(oursRate / rawRate, 3), refused };
}

async function flashSale(peer: Peer, pool: Pool, seeded: Seeded) {
  let rawGranted = 0;
  const rawStarted = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      for (;;) {
        const result = await pool.query(
          `UPDATE stock_positions SET reserved = reserved + 1, version = version + 1, updated_at = now()
            WHERE tenant_id = $1 AND sku = $2 AND location_id = $3 AND on_hand - reserved - safety_stock >= 1`,
          [TENANT, seeded.rawHot.sku, seeded.rawHot.locationId],
        );
        if (result.rowCount === 0) return;
        rawGranted += 1;
      }
    }),
  );
  const rawSeconds = Number(process.hrtime.bigint() - rawStarted) / 1e9;
  let granted = 0;
  let refusedCalls = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      for (let i = 0; ; i++) {
        try {
          await inTenant(() =>
            peer.call('reservePlan', {
              orderId: `flash-${client}-${i}`,
              lines: [{ lineId: '1', sku: seeded.hot.sku, locationId: seeded.hot.locationId, quantity: 1 }],
              ttlSeconds: 3600,
            }),
          );
          granted += 1;
        } catch (error) {
          if (!isRefusal(error)) throw error;
          refusedCalls += 1;
          return;
        }
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const [row] = (
    await pool.query(
      `SELECT p.on_hand::int AS on_hand, p.reserved::int AS reserved,
              (SELECT sum(reserved_delta)::int FROM stock_movements m WHERE m.tenant_id = p.tenant_id AND m.sku = p.sku AND m.location_id = p.location_id) AS ledger_reserved,
              (SELECT count(*)::int FROM reservations r WHERE r.tenant_id = p.tenant_id AND r.sku = p.sku AND r.status = 'held') AS held
         FROM stock_positions p WHERE p.tenant_id = $1 AND p.sku = $2 AND p.location_id = $3`,
      [TENANT, seeded.hot.sku, seeded.hot.locationId],
    )
  ).rows;
  const oversold = granted - SIZES.flashUnits;
  if (granted !== SIZES.flashUnits || row.reserved !== SIZES.flashUnits || row.ledger_reserved !== SIZES.flashUnits || row.held !== SIZES.flashUnits) {
    throw new Error(`Flash sale broke the invariant: granted ${granted}, ${JSON.stringify(row)}, units ${SIZES.flashUnits}`);
  }
  if (rawGranted !== SIZES.flashUnits) throw new Error(`Raw flash sale granted ${rawGranted} of ${SIZES.flashUnits}`);
  const oursRate = granted / seconds;
  const rawRate = rawGranted / rawSeconds;
  return { units: SIZES.flashUnits, clients: CLIENTS, oursPerSecond: round(oursRate), rawPerSecond: round(rawRate), ratio: round(oursRate / rawRate, 3), oversold, refusedCalls };
}

async function latency(samples: number, call: () => Promise<unknown>) {
  for (let i = 0; i < 20; i++) await call();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const started = process.hrtime.bigint();
    await call();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return { samples, p50Ms: round(percentile(times, 50), 3), p99Ms: round(percentile(times, 99), 3) };
}

async function availability(peer: Peer, seeded: Seeded) {
  const filter = (overrides: Partial<inventoryV1.AvailabilityFilter> = {}): inventoryV1.AvailabilityFilter => ({
    locationTypes: [], capabilities: [], groups: [], locationIds: [], excludeLocationIds: [], radiusKm: 0, nearest: 0, asOf: '', includeUnavailable: false, ...overrides,
  });
  const near = { latitude: 51.8, longitude: 5.1 };
  const ask = (skus: string[], f: inventoryV1.AvailabilityFilter) => () => inTenant(() => peer.call('getCartAvailability', { skus, filter: f }));
  const oneSku = await ask(['ATP-ONE'], filter())();
  const points = oneSku.skus[0].locations.map((l) => ({ latitude: l.latitude, longitude: l.longitude }));
  const rounds = 200;
  const started = process.hrtime.bigint();
  let sink = 0;
  for (let r = 0; r < rounds; r++) for (const point of points) sink += haversineKm(near, point);
  const codeMicros = Number(process.hrtime.bigint() - started) / 1e3 / rounds;
  return {
    locationsAnswered: oneSku.skus[0].locations.length,
    haversineInCodeFor1000LocationsMicros: round(codeMicros * (1000 / Math.max(1, points.length)) + sink * 0, 1),
    oneSkuAllLocations: await latency(ATP_SAMPLES, ask(['ATP-ONE'], filter())),
    oneSkuWithDistance: await latency(ATP_SAMPLES, ask(['ATP-ONE'], filter({ near }))),
    cartTenLinesAllLocations: await latency(Math.max(10, Math.round(ATP_SAMPLES / 3)), ask(seeded.cartSkus, filter())),
    cartTenLinesNearest5: await latency(ATP_SAMPLES, ask(seeded.cartSkus, filter({ near, nearest: 5 }))),
    cartTenLinesWithin50Km: await latency(ATP_SAMPLES, ask(seeded.cartSkus, filter({ near, radiusKm: 50 }))),
  };
}

function feedRows(skus: string[], locations: string[], count: number, quantity: (i: number) => number): Array<[string, string, number]> {
  const rows: Array<[string, string, number]> = [];
  for (let i = 0; rows.length < count; i++) rows.push([skus[Math.floor(i / locations.length)], locations[i % locations.length], quantity(i)]);
  return rows;
}

async function feed(grpcUrl: string, pool: Pool, seeded: Seeded) {
  const rawRows = feedRows(rawOf(seeded), seeded.reservationLocationIds, FEED_ROWS, (i) => 800 + (i % 7));
  const rawStarted = process.hrtime.bigint();
  for (let offset = 0; offset < rawRows.length; offset += 5000) {
    const batch = rawRows.slice(offset, offset + 5000);
    await pool.query(
      `INSERT INTO stock_positions AS p (tenant_id, sku, location_id, on_hand, reserved, safety_stock, version, updated_at)
       SELECT $1, r.sku, r.location_id, r.on_hand, 0, 0, 1, now() FROM unnest($2::text[], $3::uuid[], $4::int8[]) AS r(sku, location_id, on_hand)
       ON CONFLICT (tenant_id, sku, location_id) DO UPDATE SET on_hand = EXCLUDED.on_hand, version = p.version + 1, updated_at = now()`,
      [TENANT, batch.map((r) => r[0]), batch.map((r) => r[1]), batch.map((r) => r[2])],
    );
  }
  const rawSeconds = Number(process.hrtime.bigint() - rawStarted) / 1e9;
  const codeOf = new Map((await pool.query(`SELECT id, code FROM locations WHERE tenant_id = $1`, [TENANT])).rows.map((r: { id: string; code: string }) => [r.id, r.code]));
  const rows = feedRows(oursOf(seeded), seeded.reservationLocationIds, FEED_ROWS, (i) => 900 + (i % 7));
  const csv = `sku,location,quantity\n${rows.map(([sku, location, quantity]) => `${sku},${codeOf.get(location)},${quantity}`).join('\n')}\n`;
  const started = process.hrtime.bigint();
  const { result } = await inTenant(() => streamFeed(grpcUrl, { feedId: `bench-feed-${Date.now()}`, mode: 'snapshot', format: 'csv', source: 'bench' }, csv));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (!result || result.rowsTotal !== FEED_ROWS || result.rowsRejected !== 0) throw new Error(`Feed import went wrong: ${JSON.stringify(result).slice(0, 500)}`);
  return {
    rows: FEED_ROWS,
    seconds: round(seconds, 3),
    oursRowsPerSecond: round(FEED_ROWS / seconds),
    rawRowsPerSecond: round(FEED_ROWS / rawSeconds),
    ratio: round(rawSeconds / seconds, 3),
    applied: result.rowsApplied,
    unchanged: result.rowsUnchanged,
  };
}

/** Positions of the service's half (and the ATP and flash rows) that differ from the sum of their ledger. */
async function ledgerDrift(pool: Pool, seeded: Seeded): Promise<number> {
  const { rows } = await pool.query(
    `SELECT count(*)::int AS n FROM stock_positions p
       LEFT JOIN (SELECT tenant_id, sku, location_id, sum(on_hand_delta) AS oh, sum(reserved_delta) AS rs
                    FROM stock_movements GROUP BY 1, 2, 3) l USING (tenant_id, sku, location_id)
      WHERE p.tenant_id = $1 AND NOT (p.sku = ANY($2::text[])) AND p.sku <> 'HOT-RAW'
        AND (p.on_hand <> coalesce(l.oh, 0) OR p.reserved <> coalesce(l.rs, 0))`,
    [TENANT, rawOf(seeded)],
  );
  return rows[0].n;
}

async function main(): Promise<void> {
  const started = Date.now();
  const database = await freshDatabase('inventory');
  const service = await startInventory(database.url);
  const pool = new Pool({ connectionString: database.url, max: CLIENTS });
  const peer: Peer = new GrpcPeer('inventory', service.grpcUrl, 60_000);
  try {
    console.log(`seeding ${SIZES.skus} SKUs × ${SIZES.reservationLocations} locations, ${SIZES.locations} locations in all…`);
    const seeded = await seed(database.url, SIZES);
    await sleep(500);
    console.log('reservations: 32 clients on random positions, raw conditional UPDATE then the service…');
    const reservationsResult = await reservations(peer, pool, seeded);
    console.log('flash sale: 32 clients on one row…');
    const flash = await flashSale(peer, pool, seeded);
    console.log('availability latency…');
    const atp = await availability(peer, seeded);
    console.log(`feed import of ${FEED_ROWS} rows…`);
    const feedResult = await feed(service.grpcUrl, pool, seeded);
    const drift = await ledgerDrift(pool, seeded);
    const results = {
      benchmark: 'inventory',
      date: new Date().toISOString(),
      machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
      sizes: { ...SIZES, reserveSeconds: RESERVE_MS / 1000, atpSamples: ATP_SAMPLES, feedRows: FEED_ROWS, servicePoolSize: 10, rawPoolSize: CLIENTS },
      reservations: reservationsResult,
      flashSale: flash,
      availability: atp,
      feed: feedResult,
      positionsNotEqualToLedger: drift,
      targets: {
        reservationsRatio: 0.5,
        flashSaleRatio: 0.5,
        availabilityP99Ms: 10,
        feedRatio: 0.3,
      },
      totalSeconds: round((Date.now() - started) / 1000, 1),
    };
    console.log(JSON.stringify(results, null, 2));
    const dir = join(process.cwd(), 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'inventory.json'), `${JSON.stringify(results, null, 2)}\n`);
    console.log(`written to bench/results/inventory.json`);
  } finally {
    peer.close();
    await pool.end();
    await service.stop();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
