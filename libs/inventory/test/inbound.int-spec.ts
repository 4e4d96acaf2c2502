import { withTenant } from '@baton/testing';
import { InboundService } from '../src/inbound/inbound.service';
import { type InventoryKit, ledgerDrift, seedPosition, startInventoryKit } from './inventory-test-kit';

const TENANT = 'tenant-inbound';
const TOMORROW = new Date(Date.now() + 86_400_000).toISOString();
const NEXT_WEEK = new Date(Date.now() + 7 * 86_400_000).toISOString();

describe(InboundService.name, () => {
  let kit: InventoryKit;

  beforeAll(async () => {
    kit = await startInventoryKit('inventory_inbound');
  });

  afterEach(async () => {
    expect(await ledgerDrift(kit.dataSource)).toEqual([]);
  });

  afterAll(async () => {
    await kit?.close();
  });

  const inTenant = <T>(fn: () => Promise<T>) => withTenant(TENANT, fn);
  const cart = (sku: string, asOf: string) =>
    inTenant(() =>
      kit.availability.getCartAvailability({
        skus: [sku],
        filter: { locationTypes: [], capabilities: [], groups: [], locationIds: [], excludeLocationIds: [], radiusKm: 0, nearest: 0, asOf, includeUnavailable: true },
      }),
    );

  it('registers a purchase order once, receives it in parts with over- and under-receipt, and counts it in ATP by date', async () => {
    const { sku, locationId } = await seedPosition(kit, TENANT, 0);
    const po = {
      kind: 'purchase_order',
      reference: `PO-${sku}`,
      supplier: 'ACME',
      lines: [
        { lineId: '1', sku, locationId, expectedQuantity: 10, eta: TOMORROW },
        { lineId: '2', sku, locationId, expectedQuantity: 5, eta: NEXT_WEEK },
      ],
    };

    const created = await inTenant(() => kit.inbound.createInboundSupply(po));
    const again = await inTenant(() => kit.inbound.createInboundSupply(po));
    const changed = inTenant(() => kit.inbound.createInboundSupply({ ...po, lines: [{ ...po.lines[0], expectedQuantity: 11 }] }));
    const byTomorrow = await cart(sku, new Date(Date.now() + 2 * 86_400_000).toISOString());
    const supplyId = created.supply!.id;
    const receipt = (receiptId: string, lines: Array<{ lineId: string; quantity: number }>, close = false) =>
      inTenant(() => kit.inbound.receiveInbound({ supplyId, receiptId, lines, close }));
    const first = await receipt('grn-1', [{ lineId: '1', quantity: 12 }]);
    const repeated = await receipt('grn-1', [{ lineId: '1', quantity: 12 }]);
    const last = await receipt('grn-2', [{ lineId: '2', quantity: 3 }], true);
    const afterClose = inTenant(() => kit.inbound.receiveInbound({ supplyId, receiptId: 'grn-3', lines: [{ lineId: '2', quantity: 1 }], close: false }));

    expect(created.created).toBe(true);
    expect(again).toMatchObject({ created: false, supply: { id: supplyId } });
    await expect(changed).rejects.toMatchObject({ code: 'INBOUND_REFERENCE_TAKEN' });
    expect(byTomorrow.skus[0]).toMatchObject({ totalAvailable: 0, totalAvailableByDate: 10, locations: [{ inbound: 10, availableByDate: 10 }] });
    expect(first).toMatchObject({ applied: true, supply: { status: 'partially_received' } });
    expect(first.supply!.lines[0]).toMatchObject({ receivedQuantity: 12, overReceived: 2, openQuantity: 0 });
    expect(repeated.applied).toBe(false);
    expect(last.supply).toMatchObject({ status: 'closed' });
    expect(last.supply!.lines[1]).toMatchObject({ receivedQuantity: 3, shortClosed: 2, openQuantity: 0 });
    await expect(afterClose).rejects.toMatchObject({ code: 'INBOUND_CLOSED' });
    const [position] = await inTenant(() => kit.availability.getAvailability({ sku }));
    expect(position).toMatchObject({ onHand: 15, available: 15 });
    expect((await cart(sku, NEXT_WEEK.replace(/\.\d+Z$/, 'Z'))).skus[0].locations[0]).toMatchObject({ inbound: 0, availableByDate: 15 });
    const events = await kit.dataSource.query(
      `SELECT type FROM outbox_events WHERE aggregate_id = $1 ORDER BY seq`,
      [supplyId],
    );
    expect(events.map((e: { type: string }) => e.type)).toEqual([
      'inventory.inbound.received.v1',
      'inventory.inbound.received.v1',
      'inventory.inbound.closed.v1',
    ]);
  });

  it('refuses a receipt naming a line the supply does not have, and books nothing', async () => {
    const { sku, locationId } = await seedPosition(kit, TENANT, 0);
    const { supply } = await inTenant(() =>
      kit.inbound.createInboundSupply({ kind: 'asn', reference: `ASN-${sku}`, supplier: '', lines: [{ lineId: 'a', sku, locationId, expectedQuantity: 1, eta: TOMORROW }] }),
    );

    await expect(
      inTenant(() =>
        kit.inbound.receiveInbound({ supplyId: supply!.id, receiptId: 'r', lines: [{ lineId: 'a', quantity: 1 }, { lineId: 'b', quantity: 1 }], close: false }),
      ),
    ).rejects.toMatchObject({ kind: 'invalid', violations: [{ field: 'lines[1].lineId', message: 'is not a line of this supply' }] });
    await expect(
      inTenant(() => kit.inbound.createInboundSupply({ kind: 'purchase_order', reference: 'x', supplier: '', lines: [{ lineId: 'a', sku: 'NOPE', locationId, expectedQuantity: 1, eta: TOMORROW }] })),
    ).rejects.toMatchObject({ code: 'ITEM_NOT_FOUND' });
    await expect(
      inTenant(() => kit.inbound.createInboundSupply({ kind: 'transfer', reference: '', supplier: '', lines: [{ lineId: 'a', sku, locationId, expectedQuantity: 0, eta: 'tomorrow' }] })),
    ).rejects.toMatchObject({
      kind: 'invalid',
      violations: ['kind', 'reference', 'lines[0].expectedQuantity', 'lines[0].eta'].map((field) => expect.objectContaining({ field })),
    });
    const [position] = await inTenant(() => kit.availability.getAvailability({ sku }));
    expect(position).toMatchObject({ onHand: 0 });
  });

  it('transfers: units leave the source at once (never reserved ones) and arrive as transfer_in', async () => {
    const source = await seedPosition(kit, TENANT, 10);
    const destination = await inTenant(() =>
      kit.locations.createLocation({ code: `DST-${source.sku}`, name: 'Destination', type: 'store', latitude: 52, longitude: 5, capabilities: ['receive_transfers'] }),
    );
    await inTenant(() => kit.reservations.reservePlan({ orderId: 'tr-hold', lines: [{ lineId: '1', ...source, quantity: 7 }], ttlSeconds: 0 }));
    const transfer = (reference: string, quantity: number) =>
      inTenant(() =>
        kit.transfers.transferStock({
          reference,
          fromLocationId: source.locationId,
          toLocationId: destination.id,
          lines: [{ lineId: '1', sku: source.sku, quantity }],
          eta: TOMORROW,
          reason: 'replenish store',
        }),
      );

    await expect(transfer(`TR-${source.sku}-big`, 4)).rejects.toMatchObject({ code: 'INSUFFICIENT_STOCK' });
    const made = await transfer(`TR-${source.sku}`, 3);
    const again = await transfer(`TR-${source.sku}`, 3);
    await inTenant(() => kit.inbound.receiveInbound({ supplyId: made.supply!.id, receiptId: 'arrival', lines: [{ lineId: '1', quantity: 3 }], close: false }));

    expect(made).toMatchObject({ created: true, supply: { kind: 'transfer', sourceLocationId: source.locationId, status: 'open' } });
    expect(again.created).toBe(false);
    const positions = await inTenant(() => kit.availability.getAvailability({ sku: source.sku }));
    expect(positions.map((p) => [p.locationId, p.onHand, p.reserved])).toEqual(
      expect.arrayContaining([
        [source.locationId, 7, 7],
        [destination.id, 3, 0],
      ]),
    );
    const types = await kit.dataSource.query(`SELECT type FROM stock_movements WHERE sku = $1 ORDER BY seq`, [source.sku]);
    expect(types.map((t: { type: string }) => t.type)).toEqual(['receipt', 'reservation', 'transfer_out', 'transfer_in']);
  });
});
