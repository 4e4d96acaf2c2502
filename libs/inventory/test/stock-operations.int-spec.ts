import { withTenant } from '@baton/testing';
import { StockService } from '../src/stock/stock.service';
import { type InventoryKit, ledgerDrift, seedPosition, startInventoryKit } from './inventory-test-kit';

const TENANT = 'tenant-ops';

describe(StockService.name, () => {
  let kit: InventoryKit;

  beforeAll(async () => {
    kit = await startInventoryKit('inventory_ops');
  });

  afterEach(async () => {
    expect(await ledgerDrift(kit.dataSource)).toEqual([]);
  });

  afterAll(async () => {
    await kit?.close();
  });

  const inTenant = <T>(fn: () => Promise<T>) => withTenant(TENANT, fn);
  const reserve = (orderId: string, position: { sku: string; locationId: string }, quantity: number) =>
    inTenant(() => kit.reservations.reservePlan({ orderId, lines: [{ lineId: '1', ...position, quantity }], ttlSeconds: 0 }));

  it('adjusts with a reason, once per reference, and refuses to remove reserved units', async () => {
    const position = await seedPosition(kit, TENANT, 10);
    await reserve('adj-hold', position, 6);

    const added = await inTenant(() => kit.stock.adjustStock({ ...position, quantityDelta: 3, reason: 'found in back room', reference: 'adj-1' }));
    const repeated = await inTenant(() => kit.stock.adjustStock({ ...position, quantityDelta: 3, reason: 'found in back room', reference: 'adj-1' }));
    const refused = inTenant(() => kit.stock.adjustStock({ ...position, quantityDelta: -8, reason: 'damaged', reference: 'adj-2' }));

    expect(added).toMatchObject({ applied: true, position: { onHand: 13, reserved: 6, available: 7 } });
    expect(repeated).toMatchObject({ applied: false, position: { onHand: 13 } });
    await expect(refused).rejects.toMatchObject({ kind: 'conflict', code: 'STOCK_RESERVED', details: { onHand: 13, reserved: 6 } });
    await expect(
      inTenant(() => kit.stock.adjustStock({ ...position, quantityDelta: 0, reason: '', reference: '' })),
    ).rejects.toMatchObject({
      kind: 'invalid',
      violations: ['quantityDelta', 'reason', 'reference'].map((field) => expect.objectContaining({ field })),
    });
    const [movement] = await kit.dataSource.query(
      `SELECT reason, principal FROM stock_movements WHERE reference = 'adj-1' AND sku = $1`,
      [position.sku],
    );
    expect(movement).toEqual({ reason: 'found in back room', principal: null });
  });

  it('counts: sets on hand to the count, books the difference, and never goes below reserved', async () => {
    const position = await seedPosition(kit, TENANT, 10);
    await reserve('count-hold', position, 4);

    const lower = await inTenant(() => kit.stock.countStock({ ...position, counted: 7, reference: 'cc-1', reason: 'cycle count' }));
    const same = await inTenant(() => kit.stock.countStock({ ...position, counted: 7, reference: 'cc-2', reason: '' }));
    const short = await inTenant(() => kit.stock.countStock({ ...position, counted: 1, reference: 'cc-3', reason: '' }));

    expect(lower).toMatchObject({ applied: true, difference: -3, unresolvedShortfall: 0, position: { onHand: 7, reserved: 4 } });
    expect(same).toMatchObject({ applied: true, difference: 0, position: { onHand: 7 } });
    expect(short).toMatchObject({ applied: true, difference: -3, unresolvedShortfall: 3, position: { onHand: 4, reserved: 4 } });
    const counts = await kit.dataSource.query(
      `SELECT reference, on_hand_delta::int AS d FROM stock_movements WHERE type = 'count' AND sku = $1 ORDER BY seq`,
      [position.sku],
    );
    expect(counts).toEqual([
      { reference: 'cc-1', d: -3 },
      { reference: 'cc-2', d: 0 },
      { reference: 'cc-3', d: -3 },
    ]);
  });

  it('writes off and restocks returns through the same guarded path', async () => {
    const position = await seedPosition(kit, TENANT, 5);

    await inTenant(() => kit.stock.writeOffStock({ ...position, quantity: 2, reason: 'water damage', reference: 'wo-1' }));
    const restocked = await inTenant(() => kit.stock.restockReturn({ ...position, quantity: 1, reference: 'rma-7/line-1', reason: 'resellable' }));
    const tooMuch = inTenant(() => kit.stock.writeOffStock({ ...position, quantity: 5, reason: 'x', reference: 'wo-2' }));

    expect(restocked).toMatchObject({ applied: true, position: { onHand: 4 } });
    await expect(tooMuch).rejects.toMatchObject({ code: 'INSUFFICIENT_STOCK' });
    const types = await kit.dataSource.query(`SELECT type FROM stock_movements WHERE sku = $1 ORDER BY seq`, [position.sku]);
    expect(types.map((t: { type: string }) => t.type)).toEqual(['receipt', 'write_off', 'return_restock']);
    const changed = await kit.dataSource.query(
      `SELECT envelope->'data' AS data FROM outbox_events WHERE type = 'inventory.stock.changed.v1' AND envelope->'data'->>'sku' = $1 ORDER BY seq`,
      [position.sku],
    );
    expect(changed.map((c: { data: { movementType: string; availableDelta: number } }) => [c.data.movementType, c.data.availableDelta])).toEqual([
      ['receipt', 5],
      ['write_off', -2],
      ['return_restock', 1],
    ]);
  });

  it('derives safety stock from the item and the location type, lets a position override it, and announces low stock', async () => {
    const { sku, locationId } = await seedPosition(kit, TENANT, 20);
    const store = await inTenant(() =>
      kit.locations.createLocation({ code: `ST-${sku}`, name: 'Store', type: 'store', latitude: 52, longitude: 5, capabilities: ['pickup'] }),
    );
    await inTenant(() =>
      kit.items.updateItem({
        sku,
        safetyStock: 2,
        safetyStockByLocationType: { rules: [{ locationType: 'store', quantity: 5 }] },
        lowStockThreshold: 10,
        clearLowStockThreshold: false,
      }),
    );
    await inTenant(() => kit.stock.receiveStock({ sku, locationId: store.id, quantity: 8, reference: 'st-open', reason: '' }));

    const atp = await inTenant(() => kit.availability.getAvailability({ sku }));
    const pinned = await inTenant(() => kit.stock.setSafetyStock({ sku, locationId, quantity: 0 }));
    await inTenant(() =>
      kit.items.updateItem({ sku, safetyStock: 9, safetyStockByLocationType: { rules: [] }, clearLowStockThreshold: false }),
    );
    await reserve('low-1', { sku, locationId }, 12);

    expect(atp.find((p) => p.locationId === locationId)).toMatchObject({ safetyStock: 2, available: 18 });
    expect(atp.find((p) => p.locationId === store.id)).toMatchObject({ safetyStock: 5, available: 3 });
    expect(pinned).toMatchObject({ safetyStock: 0, available: 20 });
    const positions = await inTenant(() => kit.queries.listPositions({ sku, locationId: '' }));
    expect(positions.positions.map((p) => [p.locationId, p.safetyStock])).toEqual(
      expect.arrayContaining([
        [locationId, 0],
        [store.id, 9],
      ]),
    );
    const low = await kit.dataSource.query(
      `SELECT envelope->'data' AS data FROM outbox_events WHERE type = 'inventory.stock.low.v1' AND envelope->'data'->>'sku' = $1`,
      [sku],
    );
    expect(low.map((l: { data: unknown }) => l.data)).toEqual([
      { sku, locationId, available: 8, threshold: 10, onHand: 20, reserved: 12 },
    ]);
  });

  it('pages positions and movements with stable tokens', async () => {
    const position = await seedPosition(kit, TENANT, 1);
    for (let i = 0; i < 7; i++) {
      await inTenant(() => kit.stock.receiveStock({ ...position, quantity: 1, reference: `page-${i}`, reason: '' }));
    }

    const seen: number[] = [];
    let token = '';
    do {
      const page = await inTenant(() =>
        kit.queries.listMovements({ sku: position.sku, locationId: '', type: '', reference: '', pageSize: 3, pageToken: token }),
      );
      seen.push(...page.movements.map((m) => m.seq));
      token = page.nextPageToken;
    } while (token);

    expect(seen).toHaveLength(8);
    expect([...seen].sort((a, b) => b - a)).toEqual(seen);
    await expect(
      inTenant(() => kit.queries.listMovements({ sku: '', locationId: '', type: 'teleport', reference: '', pageToken: 'bogus' })),
    ).rejects.toMatchObject({ kind: 'invalid', violations: [expect.objectContaining({ field: 'type' })] });
  });
});
