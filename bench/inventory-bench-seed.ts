import { Client } from 'pg';

export const TENANT = 'bench';

export interface SeedSizes {
  /** Locations in the network (the ATP SKUs are stocked at every one). */
  locations: number;
  /** SKUs of the reservation benchmark … */
  skus: number;
  /** … each stocked at this many locations. */
  reservationLocations: number;
  /** Units of each seeded position. */
  onHand: number;
  /** Units of the flash-sale rows (ours and the raw one). */
  flashUnits: number;
}

export interface Seeded {
  locationIds: string[];
  reservationLocationIds: string[];
  skus: string[];
  cartSkus: string[];
  hot: { sku: string; locationId: string };
  rawHot: { sku: string; locationId: string };
}

/**
 * Seeds the network straight in SQL on the migrated schema (the API would take hours for half a
 * million positions): locations, items, positions, and one receipt movement per position, so
 * every position still equals its ledger.
 */
export async function seed(databaseUrl: string, sizes: SeedSizes): Promise<Seeded> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query(
      `INSERT INTO locations (id, tenant_id, code, name, type, latitude, longitude, capabilities, active, groups, time_zone,
                              daily_capacity, handling_cost_minor)
       SELECT gen_random_uuid(), $1, 'L' || lpad(g::text, 5, '0'), 'Location ' || g,
              CASE WHEN g % 20 = 0 THEN 'warehouse' ELSE 'store' END,
              50.5 + (g * 7919 % 1000) / 400.0, 3.5 + (g * 104729 % 1000) / 300.0,
              ARRAY['ship', 'pickup'], true, ARRAY[CASE WHEN g % 2 = 0 THEN 'north' ELSE 'south' END], 'Europe/Amsterdam',
              200, 100 + g % 50
         FROM generate_series(1, $2::int) g`,
      [TENANT, sizes.locations],
    );
    const locationIds: string[] = (
      await db.query(`SELECT id FROM locations WHERE tenant_id = $1 ORDER BY code`, [TENANT])
    ).rows.map((row: { id: string }) => row.id);
    const reservationLocationIds = locationIds.slice(0, sizes.reservationLocations);
    const skus = Array.from({ length: sizes.skus }, (_, i) => `S${String(i).padStart(6, '0')}`);
    const cartSkus = Array.from({ length: 10 }, (_, i) => `CART-${String(i).padStart(2, '0')}`);
    const allSkus = [...skus, 'ATP-ONE', ...cartSkus, 'HOT', 'HOT-RAW'];
    await db.query(
      `INSERT INTO items (tenant_id, sku, name, product_group, unit_value_minor) SELECT $1, s, s, 'bench', 1000 FROM unnest($2::text[]) s`,
      [TENANT, allSkus],
    );
    await db.query(
      `INSERT INTO stock_positions (tenant_id, sku, location_id, on_hand, reserved, safety_stock, version, updated_at)
       SELECT $1, s, l, $4, 0, 0, 1, now() FROM unnest($2::text[]) s CROSS JOIN unnest($3::uuid[]) l`,
      [TENANT, skus, reservationLocationIds, sizes.onHand],
    );
    await db.query(
      `INSERT INTO stock_positions (tenant_id, sku, location_id, on_hand, reserved, safety_stock, version, updated_at)
       SELECT $1, s, l, 5 + (abs(hashtext(s || l::text)) % 50), 0, abs(hashtext(l::text)) % 3, 1, now()
         FROM unnest($2::text[]) s CROSS JOIN unnest($3::uuid[]) l`,
      [TENANT, ['ATP-ONE', ...cartSkus], locationIds],
    );
    const hot = { sku: 'HOT', locationId: locationIds[0] };
    const rawHot = { sku: 'HOT-RAW', locationId: locationIds[0] };
    await db.query(
      `INSERT INTO stock_positions (tenant_id, sku, location_id, on_hand, reserved, safety_stock, version, updated_at)
       VALUES ($1, 'HOT', $2, $3, 0, 0, 1, now()), ($1, 'HOT-RAW', $2, $3, 0, 0, 1, now())`,
      [TENANT, hot.locationId, sizes.flashUnits],
    );
    await db.query(
      `INSERT INTO stock_movements (tenant_id, sku, location_id, type, on_hand_delta, reserved_delta, reference, reason, principal)
       SELECT tenant_id, sku, location_id, 'receipt', on_hand, 0, 'bench-seed', 'benchmark opening stock', 'bench'
         FROM stock_positions WHERE tenant_id = $1`,
      [TENANT],
    );
    await db.query(`VACUUM ANALYZE`);
    return { locationIds, reservationLocationIds, skus, cartSkus, hot, rawHot };
  } finally {
    await db.end();
  }
}
