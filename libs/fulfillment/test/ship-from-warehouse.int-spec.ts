import { spawnSync } from 'node:child_process';
import type { fulfillmentV1 } from '@baton/contracts';
import { AMSTERDAM, FulfillmentKit } from './fulfillment-test-kit';
import { pdfStructureProblems } from './pdf-structure';

describe('fulfillment: ship from a warehouse over gRPC', () => {
  const kit = new FulfillmentKit();

  beforeAll(async () => {
    await kit.start('fulfillment ship');
  });

  afterAll(async () => {
    await kit.stop();
  });

  it('accepts, picks with scans, packs, ships with a label and is delivered by the carrier, announcing each step', async () => {
    const { orderId, fulfillments, event } = await kit.place([
      { sku: 'TEE', quantity: 2, locationId: 'wh-1', unitPriceMinor: 2500 },
      { sku: 'MUG', quantity: 1, locationId: 'wh-1', unitPriceMinor: 1200 },
    ]);
    expect(fulfillments).toHaveLength(1);
    const [created] = fulfillments;
    expect(created).toMatchObject({ status: 'created', legType: 'ship', priority: 5, currency: 'EUR', shipTo: { postalCode: '1012 LG' } });
    expect(created.dueAt).toBe('2026-11-18T16:00:00.000Z');

    const accepted = await kit.call('acceptFulfillment', { fulfillmentId: created.id });
    expect(accepted.fulfillment?.status).toBe('accepted');
    const [tee, mug] = event.data.lines;
    const picked = await kit.call('confirmPick', {
      fulfillmentId: created.id,
      lines: [
        { lineId: tee.lineId, quantity: 2 },
        { lineId: mug.lineId, quantity: 1 },
      ],
      scannedSkus: ['TEE', 'MUG', 'TEE'],
    });
    expect(picked.fulfillment).toMatchObject({ status: 'picked', lines: [{ pickedQuantity: 2, shortQuantity: 0 }, { pickedQuantity: 1 }] });
    const packed = await kit.call('packFulfillment', {
      fulfillmentId: created.id,
      packages: [
        { weightGrams: 900, lengthMm: 300, widthMm: 200, heightMm: 100, lines: [{ lineId: tee.lineId, quantity: 2 }] },
        { weightGrams: 600, lengthMm: 150, widthMm: 150, heightMm: 150, lines: [{ lineId: mug.lineId, quantity: 1 }] },
      ],
    });
    expect(packed.fulfillment?.packages.map((p) => p.valueMinor)).toEqual([5000, 1200]);

    const shipped = (await kit.call('shipFulfillment', { fulfillmentId: created.id, carrierId: '', serviceCode: '', strategy: '' })).fulfillment as fulfillmentV1.Fulfillment;
    expect(shipped.status).toBe('shipped');
    expect(shipped.shipments).toHaveLength(2);
    expect(shipped.shipments.map((s) => `${s.carrierId}:${s.serviceCode}`)).toEqual(['baton-parcel:standard', 'baton-parcel:standard']);
    expect(shipped.shipments[0]).toMatchObject({ status: 'label_created', priceMinor: 495, currency: 'EUR', insuredValueMinor: 5000 });

    const label = await kit.call('getShipmentLabel', { shipmentId: shipped.shipments[0].id, format: 'pdf' });
    expect(label.contentType).toBe('application/pdf');
    const pdf = Buffer.from(label.content);
    expect(pdfStructureProblems(pdf)).toEqual([]);
    expect(pdf.toString('latin1')).toContain(`(${shipped.shipments[0].trackingNumber}) Tj`);
    const zpl = await kit.call('getShipmentLabel', { shipmentId: shipped.shipments[0].id, format: 'zpl' });
    expect(Buffer.from(zpl.content).toString('utf8')).toContain(`^FD${shipped.shipments[0].trackingNumber}^FS`);

    for (const [index, shipment] of shipped.shipments.entries()) {
      const update = { carrierId: 'baton-parcel', trackingNumber: shipment.trackingNumber, status: 'delivered', occurredAt: `2026-11-19T1${index}:00:00Z`, detail: 'front door' };
      expect((await kit.call('ingestTrackingUpdate', update)).applied).toBe(true);
      expect((await kit.call('ingestTrackingUpdate', update)).applied).toBe(false);
    }
    const delivered = (await kit.call('getFulfillment', { fulfillmentId: created.id })).fulfillment;
    expect(delivered?.status).toBe('delivered');

    const types = (await kit.db.query<Array<{ type: string }>>(`SELECT type FROM outbox_events WHERE aggregate_id = $1 ORDER BY seq`, [created.id])).map((r) => r.type);
    expect(types).toEqual([
      'fulfillment.fulfillment.created.v1',
      'fulfillment.fulfillment.accepted.v1',
      'fulfillment.fulfillment.picking-started.v1',
      'fulfillment.fulfillment.picked.v1',
      'fulfillment.fulfillment.packed.v1',
      'fulfillment.fulfillment.shipped.v1',
      'fulfillment.shipment.tracking-updated.v1',
      'fulfillment.shipment.tracking-updated.v1',
      'fulfillment.fulfillment.delivered.v1',
    ]);
    const [shippedEvent] = await kit.data('fulfillment.fulfillment.shipped.v1', created.id);
    expect(shippedEvent).toMatchObject({
      orderId,
      locationId: 'wh-1',
      lines: [
        { lineId: tee.lineId, sku: 'TEE', quantity: 2, locationId: 'wh-1' },
        { lineId: mug.lineId, sku: 'MUG', quantity: 1, locationId: 'wh-1' },
      ],
      legType: 'ship',
    });
    expect(shippedEvent.shipments.map((s) => s.trackingNumber)).toEqual(shipped.shipments.map((s) => s.trackingNumber));
    const history = await kit.db.query<Array<{ to_status: string }>>(
      `SELECT to_status FROM fulfillment_status_changes WHERE fulfillment_id = $1 ORDER BY id`,
      [created.id],
    );
    expect(history.map((h) => h.to_status)).toEqual(['created', 'accepted', 'picking', 'picked', 'packed', 'shipped', 'delivered']);
  });

  it('ships by the strategy: fastest, cheapest within the insured value, or what the store names', async () => {
    const fastest = (await kit.place([{ sku: 'TEE', quantity: 1, locationId: 'wh-1' }], { strategy: 'fastest' })).fulfillments[0];
    await kit.readyToShip(fastest);
    const fast = (await kit.call('shipFulfillment', { fulfillmentId: fastest.id, carrierId: '', serviceCode: '', strategy: '' })).fulfillment;
    expect(fast?.shipments[0]).toMatchObject({ carrierId: 'city-courier', serviceCode: 'same-day', estimatedDeliveryAt: '2026-11-18T21:00:00.000Z' });

    const utrecht = { ...AMSTERDAM, city: 'Utrecht', postalCode: '3511 AX' };
    const outOfTown = (await kit.place([{ sku: 'TEE', quantity: 1, locationId: 'wh-1' }], { strategy: 'fastest', shipTo: utrecht })).fulfillments[0];
    await kit.readyToShip(outOfTown);
    const express = (await kit.call('shipFulfillment', { fulfillmentId: outOfTown.id, carrierId: '', serviceCode: '', strategy: '' })).fulfillment;
    expect(express?.shipments[0]).toMatchObject({ serviceCode: 'express', estimatedDeliveryAt: '2026-11-19T11:00:00.000Z' });

    const pricey = (await kit.place([{ sku: 'WATCH', quantity: 1, locationId: 'wh-1', unitPriceMinor: 120_000 }])).fulfillments[0];
    await kit.readyToShip(pricey);
    const insured = (await kit.call('shipFulfillment', { fulfillmentId: pricey.id, carrierId: '', serviceCode: '', strategy: 'cheapest' })).fulfillment;
    expect(insured?.shipments[0]).toMatchObject({ serviceCode: 'express', insuredValueMinor: 120_000 });

    const heavy = (await kit.place([{ sku: 'TEE', quantity: 1, locationId: 'wh-1' }])).fulfillments[0];
    await kit.readyToShip(heavy, { weightGrams: 40_000, lengthMm: 1200, widthMm: 800, heightMm: 1000 });
    const freight = (await kit.call('shipFulfillment', { fulfillmentId: heavy.id, carrierId: '', serviceCode: '', strategy: '' })).fulfillment;
    expect(freight?.shipments[0]).toMatchObject({ carrierId: 'baton-freight', serviceCode: 'pallet' });

    const named = (await kit.place([{ sku: 'TEE', quantity: 1, locationId: 'wh-1' }])).fulfillments[0];
    await kit.readyToShip(named);
    await expect(kit.refusal('shipFulfillment', { fulfillmentId: named.id, carrierId: 'baton-freight', serviceCode: 'teleport', strategy: '' })).resolves.toMatchObject({
      code: 'NO_CARRIER_SERVICE',
    });
    const chosen = (await kit.call('shipFulfillment', { fulfillmentId: named.id, carrierId: 'baton-parcel', serviceCode: 'express', strategy: '' })).fulfillment;
    expect(chosen?.shipments[0].serviceCode).toBe('express');
  });

  it('refuses what the state machine does not allow, and changes nothing', async () => {
    const { fulfillments } = await kit.place([{ sku: 'TEE', quantity: 1, locationId: 'wh-1' }]);
    const [work] = fulfillments;
    await expect(kit.refusal('packFulfillment', { fulfillmentId: work.id, packages: [] })).resolves.toMatchObject({ code: 'ILLEGAL_TRANSITION', kind: 'precondition' });
    await expect(kit.refusal('shipFulfillment', { fulfillmentId: work.id, carrierId: '', serviceCode: '', strategy: '' })).resolves.toMatchObject({ code: 'ILLEGAL_TRANSITION' });
    await expect(kit.refusal('markReadyForPickup', { fulfillmentId: work.id })).resolves.toMatchObject({ code: 'ILLEGAL_TRANSITION' });
    await kit.call('acceptFulfillment', { fulfillmentId: work.id });
    await expect(kit.refusal('acceptFulfillment', { fulfillmentId: work.id })).resolves.toMatchObject({ code: 'ILLEGAL_TRANSITION', details: expect.objectContaining({ reason: 'SAME_STATUS' }) });
    await kit.pickAll(work);
    await kit.call('packFulfillment', { fulfillmentId: work.id, packages: [{ weightGrams: 100, lengthMm: 10, widthMm: 10, heightMm: 10, lines: [] }] });
    await expect(kit.refusal('markReadyForPickup', { fulfillmentId: work.id })).resolves.toMatchObject({ code: 'ILLEGAL_TRANSITION', details: expect.objectContaining({ reason: 'WRONG_LEG' }) });
    await expect(kit.refusal('confirmReceipt', { fulfillmentId: work.id })).resolves.toMatchObject({ code: 'ILLEGAL_TRANSITION' });
    expect((await kit.call('getFulfillment', { fulfillmentId: work.id })).fulfillment?.status).toBe('packed');
    await expect(kit.refusal('getFulfillment', { fulfillmentId: '00000000-0000-4000-8000-000000000000' })).resolves.toMatchObject({ code: 'FULFILLMENT_NOT_FOUND', kind: 'not_found' });
  });

  it('refuses bad input naming the field, and stores nothing', async () => {
    const [work] = (await kit.place([{ sku: 'TEE', quantity: 1, locationId: 'wh-1' }])).fulfillments;
    await expect(kit.refusal('rejectFulfillment', { fulfillmentId: work.id, reason: '  ' })).resolves.toMatchObject({ code: 'VALIDATION_FAILED' });
    await kit.call('acceptFulfillment', { fulfillmentId: work.id });
    await expect(
      kit.refusal('confirmPick', { fulfillmentId: work.id, lines: [{ lineId: work.lines[0].lineId, quantity: 1 }], scannedSkus: ['MUG'] }),
    ).resolves.toMatchObject({ code: 'SCAN_MISMATCH', details: { mismatches: expect.any(Array) } });
    await expect(kit.refusal('confirmPick', { fulfillmentId: work.id, lines: [{ lineId: work.lines[0].lineId, quantity: 2 }], scannedSkus: [] })).resolves.toMatchObject({
      code: 'QUANTITY_EXCEEDED',
    });
    const after = (await kit.call('getFulfillment', { fulfillmentId: work.id })).fulfillment;
    expect(after).toMatchObject({ status: 'accepted', lines: [{ pickedQuantity: 0, shortQuantity: 0 }] });
    expect(await kit.count(`SELECT count(*) AS n FROM outbox_events WHERE aggregate_id = $1 AND type LIKE '%picking-started%'`, [work.id])).toBe(0);
    await expect(kit.refusal('shipFulfillment', { fulfillmentId: work.id, carrierId: '', serviceCode: 'x', strategy: 'slowest' })).resolves.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
  });

  it('keeps each tenant to its own work', async () => {
    const [work] = (await kit.place([{ sku: 'TEE', quantity: 1, locationId: 'wh-1' }])).fulfillments;
    await expect(kit.call('acceptFulfillment', { fulfillmentId: work.id }, 'globex')).rejects.toMatchObject({ code: 'FULFILLMENT_NOT_FOUND' });
    expect((await kit.call('listFulfillments', { locationId: 'wh-1', statuses: [], limit: 0, lateOnly: false }, 'globex')).fulfillments).toEqual([]);
  });

  (spawnSync('pdftotext', ['-v']).error ? it.skip : it)('stores a label pdftotext can read', async () => {
    const [work] = (await kit.place([{ sku: 'TEE', quantity: 1, locationId: 'wh-1' }])).fulfillments;
    await kit.readyToShip(work);
    const shipped = (await kit.call('shipFulfillment', { fulfillmentId: work.id, carrierId: '', serviceCode: '', strategy: '' })).fulfillment;
    const label = await kit.call('getShipmentLabel', { shipmentId: shipped?.shipments[0].id ?? '', format: '' });
    const out = spawnSync('pdftotext', ['-', '-'], { input: Buffer.from(label.content), encoding: 'utf8' });
    expect(out.stdout).toContain('Ada Lovelace');
    expect(out.stdout).toContain(shipped?.shipments[0].trackingNumber);
  });
});
