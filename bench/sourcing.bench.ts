/**
 * `npm run bench -- sourcing`: the sourcing engine planning a 10-line order over 1,000 candidate
 * locations and 20 carrier services, p50/p99 per strategy, against a raw baseline measured in the
 * same run on the same data: Postgres doing the same candidate selection (eligible type and
 * capability, enough ATP, distance, the cheapest applicable carrier rate per location) as one SQL
 * query. Results go to bench/results/sourcing.json.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import {
  SOURCING_STRATEGIES,
  sourceOrder,
  type CandidateLocation,
  type CarrierService,
  type SourcingRequest,
  type SourcingStrategy,
} from '@baton/orders';

const LOCATIONS = 1000;
const SERVICES = 20;
const LINES = 10;
const WARMUP = 300;
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 2000);
const SQL_ITERATIONS = Number(process.env.BENCH_SQL_ITERATIONS ?? 300);
const TARGET_P99_MS = 5;
const SEMI_SPACE_MB = 64;
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** mulberry32: a seeded generator, so every run plans over the same network. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Scenario {
  candidates: CandidateLocation[];
  services: CarrierService[];
  request: Omit<SourcingRequest, 'strategy'>;
}

function scenario(): Scenario {
  const rnd = random(20261201);
  const skus = Array.from({ length: LINES }, (_, i) => `SKU-${i}`);
  const candidates: CandidateLocation[] = Array.from({ length: LOCATIONS }, (_, i) => {
    const roll = rnd();
    const type = roll < 0.1 ? 'warehouse' : roll < 0.15 ? 'distribution_centre' : 'store';
    const capabilities = type === 'store' ? ['ship', 'pickup', ...(rnd() < 0.5 ? ['same_day'] : [])] : ['ship', 'receive_transfers'];
    const atp: Record<string, number> = {};
    for (const sku of skus) atp[sku] = rnd() < 0.35 ? 0 : Math.floor(rnd() * 20);
    return {
      locationId: `loc-${String(i).padStart(4, '0')}`,
      type,
      capabilities,
      coordinates: { latitude: 50 + rnd() * 4, longitude: 3 + rnd() * 7 },
      country: rnd() < 0.6 ? 'NL' : 'DE',
      remainingCapacity: rnd() < 0.05 ? 0 : 50,
      handlingCostMinor: 100 + Math.floor(rnd() * 400),
      atp,
    };
  });
  const zoneKm = [25, 60, 200, 600, 2000];
  const services: CarrierService[] = Array.from({ length: SERVICES }, (_, i) => {
    const sameDay = i % 5 === 0;
    return {
      id: `carrier-${i % 4}:service-${i}`,
      carrier: `carrier-${i % 4}`,
      name: `Service ${i}`,
      currency: 'EUR',
      zones: sameDay
        ? [{ code: 'city', maxDistanceKm: 25 }, { code: 'metro', maxDistanceKm: 60 }]
        : [{ code: 'home', countries: ['NL'] }, ...zoneKm.map((km, z) => ({ code: `z${z}`, maxDistanceKm: km }))],
      transitDays: sameDay ? 0 : 1 + (i % 3),
      transitDaysByZone: sameDay ? undefined : { z3: 3, z4: 4 },
      rates: (sameDay ? ['city', 'metro'] : ['home', 'z0', 'z1', 'z2', 'z3', 'z4']).flatMap((zone, z) =>
        [2000, 10_000, 31_500].map((maxWeightGrams, band) => ({
          zone,
          maxWeightGrams,
          priceMinor: 400 + i * 15 + z * 120 + band * 300,
        })),
      ),
      cutoffMinuteOfDay: sameDay ? 14 * 60 : (15 + (i % 4)) * 60,
      sameDay,
      timeWindow: i % 7 === 0,
      insuredValueLimitMinor: 10_000 * (1 + (i % 6)),
    };
  });
  return {
    candidates,
    services,
    request: {
      now: '2026-12-01T10:30:00.000Z',
      currency: 'EUR',
      lines: skus.map((sku, i) => ({
        lineId: `line-${i}`,
        sku,
        quantity: 1 + (i % 3),
        unitValueMinor: 1500 + i * 700,
        unitWeightGrams: 300 + i * 50,
        deliveryMethod: 'ship_to_address',
      })),
      address: { coordinates: { latitude: 52.3676, longitude: 4.9041 }, country: 'NL' },
      candidates,
      carrierServices: services,
      constraints: { excludedLocationIds: ['loc-0007', 'loc-0100'], maxSplits: 3, keepLinesWhole: true },
    },
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function stats(samples: number[]): { p50Ms: number; p99Ms: number; meanMs: number; iterations: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 1000) / 1000;
  return {
    p50Ms: round(percentile(sorted, 50)),
    p99Ms: round(percentile(sorted, 99)),
    meanMs: round(samples.reduce((a, b) => a + b, 0) / samples.length),
    iterations: samples.length,
  };
}

function measureEngine(base: Scenario['request'], strategy: SourcingStrategy) {
  const request: SourcingRequest = { ...base, strategy };
  for (let i = 0; i < WARMUP; i++) sourceOrder(request);
  const samples: number[] = [];
  const cpu: number[] = [];
  let last = sourceOrder(request);
  for (let i = 0; i < ITERATIONS; i++) {
    const cpuBefore = process.cpuUsage();
    const started = process.hrtime.bigint();
    last = sourceOrder(request);
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
    const used = process.cpuUsage(cpuBefore);
    cpu.push((used.user + used.system) / 1000);
  }
  const cpuStats = stats(cpu);
  return {
    ...stats(samples),
    cpuP50Ms: cpuStats.p50Ms,
    cpuP99Ms: cpuStats.p99Ms,
    complete: last.complete,
    shipments: last.totals.shipments,
    totalCostMinor: last.totals.totalCostMinor,
    explainedCandidates: last.explanation.groups.reduce((n, g) => n + g.candidates.length, 0),
  };
}

/**
 * The same candidate selection as one SQL query: eligible locations (type, capability, capacity,
 * not excluded) with their haversine distance; per location and carrier service the first zone
 * that matches (by distance or the destination country); per line the locations with enough ATP
 * and their cheapest applicable rate for the line's weight; the cheapest location per line.
 */
const BASELINE_SQL = `
WITH demand(line_id, sku, quantity, grams) AS (SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::int[])),
eligible AS (
  SELECT l.id, l.handling,
         2 * 6371.0088 * asin(least(1, sqrt(power(sin(radians(l.lat - $5) / 2), 2)
           + cos(radians($5)) * cos(radians(l.lat)) * power(sin(radians(l.lon - $6) / 2), 2)))) AS km
  FROM bench_locations l
  WHERE l.type = ANY($7::text[]) AND 'ship' = ANY(l.capabilities) AND l.capacity > 0 AND NOT (l.id = ANY($8::text[]))
),
zoned AS (
  SELECT DISTINCT ON (e.id, z.service_id) e.id, z.service_id, z.zone
  FROM eligible e JOIN bench_zones z ON (z.max_km IS NULL OR e.km <= z.max_km) AND (z.country IS NULL OR z.country = $9)
  ORDER BY e.id, z.service_id, z.rank
),
quoted AS (
  SELECT d.line_id, e.id, e.handling + min(r.price) AS cost
  FROM demand d
  JOIN bench_stock s ON s.sku = d.sku AND s.atp >= d.quantity
  JOIN eligible e ON e.id = s.location_id
  JOIN zoned zn ON zn.id = e.id
  JOIN bench_rates r ON r.service_id = zn.service_id AND r.zone = zn.zone AND r.max_grams >= d.grams * d.quantity
  GROUP BY d.line_id, e.id, e.handling
)
SELECT DISTINCT ON (line_id) line_id, id, cost FROM quoted ORDER BY line_id, cost, id`;

async function measureBaseline(s: Scenario) {
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const database = `baton_bench_sourcing_${process.pid}`;
  await admin.query(`CREATE DATABASE ${database}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  const db = new Client({ connectionString: url.toString() });
  await db.connect();
  try {
    await db.query(`CREATE TABLE bench_locations (id text PRIMARY KEY, type text, capabilities text[], lat float8, lon float8, country text, capacity int, handling int)`);
    await db.query(`CREATE TABLE bench_stock (location_id text, sku text, atp int, PRIMARY KEY (sku, location_id))`);
    await db.query(`CREATE TABLE bench_zones (service_id text, rank int, zone text, max_km float8, country text)`);
    await db.query(`CREATE TABLE bench_rates (service_id text, zone text, max_grams int, price int)`);
    for (const c of s.candidates) {
      await db.query(`INSERT INTO bench_locations VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, [
        c.locationId,
        c.type,
        c.capabilities,
        c.coordinates?.latitude,
        c.coordinates?.longitude,
        c.country,
        c.remainingCapacity ?? 1_000_000,
        c.handlingCostMinor,
      ]);
    }
    const stock = s.candidates.flatMap((c) => Object.entries(c.atp).map(([sku, atp]) => [c.locationId, sku, atp] as const));
    await db.query(`INSERT INTO bench_stock SELECT * FROM unnest($1::text[], $2::text[], $3::int[])`, [
      stock.map((r) => r[0]),
      stock.map((r) => r[1]),
      stock.map((r) => r[2]),
    ]);
    for (const service of s.services) {
      for (const [rank, zone] of service.zones.entries()) {
        await db.query(`INSERT INTO bench_zones VALUES ($1, $2, $3, $4, $5)`, [service.id, rank, zone.code, zone.maxDistanceKm ?? null, zone.countries?.[0] ?? null]);
      }
      for (const rate of service.rates) {
        await db.query(`INSERT INTO bench_rates VALUES ($1, $2, $3, $4)`, [service.id, rate.zone, rate.maxWeightGrams, rate.priceMinor]);
      }
    }
    await db.query('CREATE INDEX ON bench_rates (service_id, zone, max_grams)');
    await db.query('ANALYZE');
    const lines = s.request.lines;
    const params = [
      lines.map((l) => l.lineId),
      lines.map((l) => l.sku),
      lines.map((l) => l.quantity),
      lines.map((l) => l.unitWeightGrams),
      52.3676,
      4.9041,
      ['warehouse', 'distribution_centre', 'store'],
      s.request.constraints.excludedLocationIds,
      'NL',
    ];
    const statement = { name: 'baseline', text: BASELINE_SQL, values: params };
    let rows = 0;
    for (let i = 0; i < 30; i++) rows = (await db.query(statement)).rowCount ?? 0;
    const samples: number[] = [];
    for (let i = 0; i < SQL_ITERATIONS; i++) {
      const started = process.hrtime.bigint();
      await db.query(statement);
      samples.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
    return { ...stats(samples), rows };
  } finally {
    await db.end();
    await admin.query(`DROP DATABASE IF EXISTS ${database}`);
    await admin.end();
  }
}

/** Engine-only figures of this file run again in a child process with a larger young generation. */
function measureWithLargerYoungGeneration(): unknown {
  const child = spawnSync(process.execPath, [`--max-semi-space-size=${SEMI_SPACE_MB}`, __filename], {
    env: { ...process.env, BENCH_ENGINE_ONLY: '1' },
    encoding: 'utf8',
  });
  const line = child.stdout.split('\n').find((l) => l.startsWith('{'));
  return line ? JSON.parse(line) : { error: child.stderr.slice(-500) };
}

async function main(): Promise<void> {
  const s = scenario();
  const byStrategy: Record<string, ReturnType<typeof measureEngine>> = {};
  if (process.env.BENCH_ENGINE_ONLY) {
    for (const strategy of SOURCING_STRATEGIES) byStrategy[strategy] = measureEngine(s.request, strategy);
    const p99 = Math.max(...Object.values(byStrategy).map((r) => r.p99Ms));
    const p50 = Math.max(...Object.values(byStrategy).map((r) => r.p50Ms));
    process.stdout.write(`${JSON.stringify({ nodeOptions: `--max-semi-space-size=${SEMI_SPACE_MB}`, p50Ms: p50, p99Ms: p99, byStrategy })}\n`);
    return;
  }
  for (const strategy of SOURCING_STRATEGIES) {
    byStrategy[strategy] = measureEngine(s.request, strategy);
    const r = byStrategy[strategy];
    console.log(`engine ${strategy.padEnd(14)} p50 ${r.p50Ms} ms  p99 ${r.p99Ms} ms  (CPU time p99 ${r.cpuP99Ms} ms)`);
  }
  const worstP99 = Math.max(...Object.values(byStrategy).map((r) => r.p99Ms));
  const worstP50 = Math.max(...Object.values(byStrategy).map((r) => r.p50Ms));
  const tuned = measureWithLargerYoungGeneration() as { p50Ms?: number; p99Ms?: number };
  console.log(`engine, young generation ${SEMI_SPACE_MB} MB: p50 ${tuned.p50Ms} ms  p99 ${tuned.p99Ms} ms`);
  const baseline = await measureBaseline(s);
  console.log(`baseline SQL       p50 ${baseline.p50Ms} ms  p99 ${baseline.p99Ms} ms`);
  const result = {
    name: 'sourcing',
    measuredAt: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, node: process.version },
    scenario: { lines: LINES, candidateLocations: LOCATIONS, carrierServices: SERVICES, maxSplits: 3, keepLinesWhole: true },
    engine: {
      p50Ms: worstP50,
      p99Ms: worstP99,
      byStrategy,
      note: 'wall-clock latency of the worst strategy, the plan including its full explanation (every candidate scored), default Node heap settings; cpuP99Ms is the same call in process CPU time (all threads, GC included)',
    },
    engineWithLargerYoungGeneration: {
      ...tuned,
      note: 'the same engine measurement in a child process with a larger young generation: the tail above is garbage collection (objects of in-flight plans promoted, then mark-compact), not the algorithm',
    },
    loadAverage: loadavg(),
    baseline: {
      description:
        'Postgres, one SQL query on the same data: per line, eligible locations with enough ATP, haversine distance, cheapest applicable carrier rate, best per line (no splits, no explanation)',
      ...baseline,
    },
    ratio: { engineP99OverBaselineP99: Math.round((worstP99 / baseline.p99Ms) * 1000) / 1000 },
    target: { p99Ms: TARGET_P99_MS, met: worstP99 < TARGET_P99_MS },
  };
  const dir = join(process.cwd(), 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'sourcing.json'), `${JSON.stringify(result, null, 2)}\n`);
  console.log(`sourcing: p99 ${worstP99} ms (target < ${TARGET_P99_MS} ms) — ${result.ratio.engineP99OverBaselineP99}× the SQL baseline's p99; written to bench/results/sourcing.json`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
