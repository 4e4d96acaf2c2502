import { randomUUID } from 'node:crypto';
import { Outbox } from '@baton/messaging';
import { typeOrmOptions } from '@baton/platform';
import { createTestDatabase, dropTestDatabase, withTenant } from '@baton/testing';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { inventoryEntities, inventoryMigrations } from '../src/inventory-persistence';
import { ItemsRepository } from '../src/item/items.repository';
import { ItemsService } from '../src/item/items.service';
import { LocationsRepository } from '../src/location/locations.repository';
import { LocationsService } from '../src/location/locations.service';
import { ReservationsRepository } from '../src/reservation/reservations.repository';
import { ReservationsService } from '../src/reservation/reservations.service';
import { StockMovementsRepository } from '../src/stock/stock-movements.repository';
import { StockPositionsRepository } from '../src/stock/stock-positions.repository';
import { StockService } from '../src/stock/stock.service';

/**
 * The inventory services wired by hand onto a fresh database migrated with the real migrations,
 * with a pool of 20 connections so concurrency tests contend on rows, not on the pool.
 */
export interface InventoryKit {
  dataSource: DataSource;
  locations: LocationsService;
  items: ItemsService;
  stock: StockService;
  reservations: ReservationsService;
  close(): Promise<void>;
}

export async function startInventoryKit(prefix: string): Promise<InventoryKit> {
  const databaseUrl = await createTestDatabase(prefix);
  const options = typeOrmOptions({
    databaseUrl,
    entities: inventoryEntities,
    migrations: inventoryMigrations,
    service: 'inventory-test',
  });
  const dataSource = new DataSource({ ...options, poolSize: 20, extra: { max: 20 } } as DataSourceOptions);
  await dataSource.initialize();
  const outbox = new Outbox();
  const positions = new StockPositionsRepository(dataSource);
  const movements = new StockMovementsRepository();
  return {
    dataSource,
    locations: new LocationsService(new LocationsRepository(dataSource)),
    items: new ItemsService(new ItemsRepository(dataSource)),
    stock: new StockService(dataSource, positions, movements, outbox),
    reservations: new ReservationsService(dataSource, new ReservationsRepository(dataSource), positions, movements, outbox),
    async close() {
      await dataSource.destroy();
      await dropTestDatabase(databaseUrl);
    },
  };
}

/** A new location and item for `tenantId`, with `onHand` received at that location (if any). */
export async function seedPosition(
  kit: InventoryKit,
  tenantId: string,
  onHand: number,
): Promise<{ sku: string; locationId: string }> {
  return withTenant(tenantId, async () => {
    const suffix = randomUUID().slice(0, 8);
    const location = await kit.locations.createLocation({
      code: `WH-${suffix}`,
      name: `Warehouse ${suffix}`,
      type: 'warehouse',
      latitude: 52.37,
      longitude: 4.89,
      capabilities: ['ship'],
    });
    const item = await kit.items.createItem({
      sku: `SKU-${suffix}`,
      name: `Item ${suffix}`,
      productGroup: 'test',
      unitValueMinor: 1000,
    });
    if (onHand > 0) {
      await kit.stock.receiveStock({
        sku: item.sku,
        locationId: location.id,
        quantity: onHand,
        reference: `opening-${suffix}`,
        reason: 'opening stock',
      });
    }
    return { sku: item.sku, locationId: location.id };
  });
}

export interface LedgerDrift {
  tenant_id: string;
  sku: string;
  location_id: string;
  on_hand: string | null;
  reserved: string | null;
  ledger_on_hand: string | null;
  ledger_reserved: string | null;
}

/** Every position (or ledger without position) whose quantities differ from the sum of its movements. */
export function ledgerDrift(dataSource: DataSource): Promise<LedgerDrift[]> {
  return dataSource.query(`
    SELECT coalesce(p.tenant_id, l.tenant_id) AS tenant_id, coalesce(p.sku, l.sku) AS sku,
           coalesce(p.location_id, l.location_id) AS location_id,
           p.on_hand, p.reserved, l.ledger_on_hand, l.ledger_reserved
      FROM stock_positions p
      FULL OUTER JOIN (
        SELECT tenant_id, sku, location_id,
               sum(on_hand_delta) AS ledger_on_hand, sum(reserved_delta) AS ledger_reserved
          FROM stock_movements GROUP BY tenant_id, sku, location_id
      ) l USING (tenant_id, sku, location_id)
     WHERE p.on_hand IS DISTINCT FROM l.ledger_on_hand OR p.reserved IS DISTINCT FROM l.ledger_reserved`);
}
