import { randomUUID } from 'node:crypto';
import { DomainError } from '@baton/domain';
import { withTenant } from '@baton/testing';
import { InventoryError } from '../src/inventory.errors';
import { StockService } from '../src/stock/stock.service';
import { type InventoryKit, ledgerDrift, seedPosition, startInventoryKit } from './inventory-test-kit';

const TENANT = 'tenant-stock';
const OTHER_TENANT = 'tenant-other';

describe(StockService.name, () => {
  let kit: InventoryKit;

  beforeAll(async () => {
    kit = await startInventoryKit('inventory_stock');
  });

  afterAll(async () => {
    await kit?.close();
  });

  function receive(position: { sku: string; locationId: string }, quantity: number, reference: string) {
    return withTenant(TENANT, () => kit.stock.receiveStock({ ...position, quantity, reference, reason: 'test' }));
  }

  it('books a receipt once per reference, however often and however concurrently it is sent', async () => {
    const position = await seedPosition(kit, TENANT, 0);
    const first = await receive(position, 10, 'asn-1');
    const again = await receive(position, 10, 'asn-1');
    const concurrent = await Promise.all(Array.from({ length: 10 }, () => receive(position, 5, 'asn-2')));

    expect(first.onHand).toBe(10);
    expect(again.onHand).toBe(10);
    expect(new Set(concurrent.map((p) => p.onHand))).toEqual(new Set([15]));
    const [{ count }] = await kit.dataSource.query(
      `SELECT count(*)::int AS count FROM stock_movements WHERE sku = $1 AND type = 'receipt'`,
      [position.sku],
    );
    expect(count).toBe(2);
    const changed = await kit.dataSource.query(
      `SELECT envelope FROM outbox_events WHERE type = 'inventory.stock.changed.v1' AND envelope->'data'->>'sku' = $1`,
      [position.sku],
    );
    expect(changed).toHaveLength(2);
    expect(changed.map((row: { envelope: { data: { onHand: number } } }) => row.envelope.data.onHand).sort()).toEqual([
      10, 15,
    ]);
  });

  it('keeps every position equal to the sum of its ledger after a mix of receipts and reservations', async () => {
    const a = await seedPosition(kit, TENANT, 20);
    const b = await seedPosition(kit, TENANT, 7);
    const orders = Array.from({ length: 30 }, (_, i) => ({ orderId: `mix-${i}`, quantityOfA: 1 + (i % 3) }));
    const results = await Promise.allSettled([
      ...orders.map(({ orderId, quantityOfA }) =>
        withTenant(TENANT, () =>
          kit.reservations.reservePlan({
            orderId,
            lines: [
              { lineId: '1', ...a, quantity: quantityOfA },
              { lineId: '2', ...b, quantity: 1 },
            ],
            ttlSeconds: 60,
          }),
        ),
      ),
      receive(a, 5, 'po-a-1'),
      receive(a, 5, 'po-a-1'),
      receive(b, 3, 'po-b-1'),
    ]);

    expect(await ledgerDrift(kit.dataSource)).toEqual([]);
    const granted = orders.filter((_, i) => results[i].status === 'fulfilled');
    const [positionA] = await withTenant(TENANT, () => kit.availability.getAvailability({ sku: a.sku }));
    const [positionB] = await withTenant(TENANT, () => kit.availability.getAvailability({ sku: b.sku }));
    expect(positionA).toMatchObject({ onHand: 25, reserved: granted.reduce((sum, o) => sum + o.quantityOfA, 0) });
    expect(positionB).toMatchObject({ onHand: 10, reserved: granted.length });
    expect(granted.length).toBeGreaterThan(0);
    for (const result of results) {
      if (result.status === 'rejected') expect(result.reason).toMatchObject({ code: 'INSUFFICIENT_STOCK' });
    }
  });

  it('answers availability across active locations as on hand − reserved − safety stock', async () => {
    const here = await seedPosition(kit, TENANT, 12);
    const inactive = await seedPosition(kit, TENANT, 0);
    await receive({ sku: here.sku, locationId: inactive.locationId }, 4, 'po-inactive');
    await kit.dataSource.query(`UPDATE locations SET active = false WHERE id = $1`, [inactive.locationId]);
    await kit.dataSource.query(`UPDATE stock_positions SET safety_stock = 2 WHERE sku = $1 AND location_id = $2`, [
      here.sku,
      here.locationId,
    ]);
    await withTenant(TENANT, () =>
      kit.reservations.reservePlan({
        orderId: 'atp-1',
        lines: [{ lineId: '1', ...here, quantity: 3 }],
        ttlSeconds: 0,
      }),
    );

    const positions = await withTenant(TENANT, () => kit.availability.getAvailability({ sku: here.sku }));

    expect(positions).toEqual([
      { sku: here.sku, locationId: here.locationId, onHand: 12, reserved: 3, safetyStock: 2, available: 7 },
    ]);
  });

  it("does not let one tenant see another tenant's positions", async () => {
    const position = await seedPosition(kit, OTHER_TENANT, 9);

    const seenByOther = await withTenant(TENANT, () => kit.availability.getAvailability({ sku: position.sku }));
    const seenByOwner = await withTenant(OTHER_TENANT, () => kit.availability.getAvailability({ sku: position.sku }));

    expect(seenByOther).toEqual([]);
    expect(seenByOwner).toHaveLength(1);
    await expect(receive(position, 1, 'cross-tenant')).rejects.toMatchObject({ code: 'ITEM_NOT_FOUND' });
  });

  it('refuses to query or book without a tenant', async () => {
    const position = await seedPosition(kit, TENANT, 1);

    await expect(kit.availability.getAvailability({ sku: position.sku })).rejects.toMatchObject({
      kind: 'unauthenticated',
      code: 'TENANT_REQUIRED',
    });
    await expect(
      kit.stock.receiveStock({ ...position, quantity: 1, reference: 'no-tenant', reason: '' }),
    ).rejects.toBeInstanceOf(DomainError);
    const rows = await kit.dataSource.query(`SELECT 1 FROM stock_movements WHERE reference = 'no-tenant'`);
    expect(rows).toEqual([]);
  });

  it('names the missing location or item of a receipt and books nothing', async () => {
    const position = await seedPosition(kit, TENANT, 0);
    const unknownLocation = receive({ sku: position.sku, locationId: randomUUID() }, 1, 'ghost-location');
    const unknownItem = receive({ sku: 'NO-SUCH-SKU', locationId: position.locationId }, 1, 'ghost-item');

    await expect(unknownLocation).rejects.toEqual(expect.any(InventoryError));
    await expect(unknownLocation).rejects.toMatchObject({ kind: 'not_found', code: 'LOCATION_NOT_FOUND' });
    await expect(unknownItem).rejects.toMatchObject({ kind: 'not_found', code: 'ITEM_NOT_FOUND' });
    const rows = await kit.dataSource.query(`SELECT 1 FROM stock_movements WHERE reference LIKE 'ghost-%'`);
    expect(rows).toEqual([]);
  });

  it('refuses to rewrite the ledger', async () => {
    const position = await seedPosition(kit, TENANT, 3);

    await expect(
      kit.dataSource.query(`UPDATE stock_movements SET on_hand_delta = 100 WHERE sku = $1`, [position.sku]),
    ).rejects.toThrow(/append-only/);
    await expect(kit.dataSource.query(`DELETE FROM stock_movements WHERE sku = $1`, [position.sku])).rejects.toThrow(
      /append-only/,
    );
  });
});
