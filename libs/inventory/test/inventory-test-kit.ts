import { randomUUID } from 'node:crypto';
import { Inbox, Outbox } from '@baton/messaging';
import { typeOrmOptions } from '@baton/platform';
import { createTestDatabase, dropTestDatabase, withTenant } from '@baton/testing';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { AvailabilityRepository } from '../src/availability/availability.repository';
import { AvailabilityService } from '../src/availability/availability.service';
import { FeedImportService } from '../src/feed/feed-import.service';
import { FeedRowResolver } from '../src/feed/feed-row-resolver';
import { FeedsRepository } from '../src/feed/feeds.repository';
import { InboundRepository } from '../src/inbound/inbound.repository';
import { InboundService } from '../src/inbound/inbound.service';
import { TransfersService } from '../src/inbound/transfers.service';
import { inventoryEntities, inventoryMigrations } from '../src/inventory-persistence';
import { ItemsRepository } from '../src/item/items.repository';
import { ItemsService } from '../src/item/items.service';
import { LocationsRepository } from '../src/location/locations.repository';
import { LocationsService } from '../src/location/locations.service';
import { FulfilmentStockService } from '../src/reservation/fulfilment-stock.service';
import { ReservationExpirySweeper } from '../src/reservation/reservation-expiry.sweeper';
import { ReservationLifecycleService } from '../src/reservation/reservation-lifecycle.service';
import { ReservationSettler } from '../src/reservation/reservation-settler';
import { ReservationsRepository } from '../src/reservation/reservations.repository';
import { ReservationsService } from '../src/reservation/reservations.service';
import { OneStatementReservationsRepository } from '../src/stock/one-statement-reservations.repository';
import { StockLedger } from '../src/stock/stock-ledger';
import { StockMovementsRepository } from '../src/stock/stock-movements.repository';
import { StockPositionsRepository } from '../src/stock/stock-positions.repository';
import { StockQueriesService } from '../src/stock/stock-queries.service';
import { StockService } from '../src/stock/stock.service';

/**
 * The inventory services wired by hand onto a fresh database migrated with the real migrations,
 * with a pool of 20 connections so concurrency tests contend on rows, not on the pool. The
 * expiry sweeper does not run on its own here: tests call `sweepOnce`.
 */
export interface InventoryKit {
  dataSource: DataSource;
  locations: LocationsService;
  items: ItemsService;
  stock: StockService;
  queries: StockQueriesService;
  availability: AvailabilityService;
  reservations: ReservationsService;
  lifecycle: ReservationLifecycleService;
  fulfilmentStock: FulfilmentStockService;
  sweeper: ReservationExpirySweeper;
  inbound: InboundService;
  transfers: TransfersService;
  feeds: FeedImportService;
  inbox: Inbox;
  close(): Promise<void>;
}

export async function startInventoryKit(prefix: string, poolSize = 20): Promise<InventoryKit> {
  const databaseUrl = await createTestDatabase(prefix);
  const options = typeOrmOptions({
    databaseUrl,
    entities: inventoryEntities,
    migrations: inventoryMigrations,
    service: 'inventory-test',
  });
  const dataSource = new DataSource({ ...options, poolSize, extra: { max: poolSize } } as DataSourceOptions);
  await dataSource.initialize();
  const outbox = new Outbox();
  const locationsRepository = new LocationsRepository(dataSource);
  const itemsRepository = new ItemsRepository(dataSource);
  const positions = new StockPositionsRepository(dataSource);
  const movements = new StockMovementsRepository(dataSource);
  const reservationsRepository = new ReservationsRepository(dataSource);
  const inboundRepository = new InboundRepository(dataSource);
  const ledger = new StockLedger(positions, movements, outbox, new OneStatementReservationsRepository(dataSource));
  const settler = new ReservationSettler(reservationsRepository, ledger, outbox);
  return {
    dataSource,
    locations: new LocationsService(dataSource, locationsRepository, positions, movements, reservationsRepository, inboundRepository),
    items: new ItemsService(dataSource, itemsRepository, positions),
    stock: new StockService(dataSource, positions, ledger, outbox),
    queries: new StockQueriesService(positions, movements),
    availability: new AvailabilityService(new AvailabilityRepository(dataSource)),
    reservations: new ReservationsService(dataSource, reservationsRepository, positions, ledger, outbox),
    lifecycle: new ReservationLifecycleService(dataSource, reservationsRepository, settler, movements, outbox),
    fulfilmentStock: new FulfilmentStockService(reservationsRepository, positions, settler, ledger, outbox),
    sweeper: new ReservationExpirySweeper(dataSource, reservationsRepository, settler, outbox, { intervalMs: 0, batchSize: 50 }),
    inbound: new InboundService(dataSource, inboundRepository, positions, ledger, outbox),
    transfers: new TransfersService(dataSource, inboundRepository, positions, ledger, outbox),
    feeds: new FeedImportService(
      dataSource,
      new FeedsRepository(dataSource),
      new FeedRowResolver(locationsRepository, itemsRepository),
      positions,
      ledger,
      outbox,
    ),
    inbox: new Inbox(dataSource, outbox),
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

/**
 * Every position (or ledger without position) whose quantities differ from the sum of its
 * movements. A position created at zero without movements (inbound destination, safety stock
 * set) sums to zero.
 */
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
     WHERE coalesce(p.on_hand, 0) IS DISTINCT FROM coalesce(l.ledger_on_hand, 0)
        OR coalesce(p.reserved, 0) IS DISTINCT FROM coalesce(l.ledger_reserved, 0)`);
}

/** Reservations whose open units disagree with what their positions hold reserved. */
export function reservationDrift(dataSource: DataSource): Promise<unknown[]> {
  return dataSource.query(`
    SELECT p.tenant_id, p.sku, p.location_id, p.reserved, coalesce(r.open, 0) AS open
      FROM stock_positions p
      LEFT JOIN (
        SELECT tenant_id, sku, location_id, sum(quantity - released_quantity - consumed_quantity) AS open
          FROM reservations WHERE status IN ('held', 'confirmed') GROUP BY tenant_id, sku, location_id
      ) r USING (tenant_id, sku, location_id)
     WHERE p.reserved <> coalesce(r.open, 0)`);
}
