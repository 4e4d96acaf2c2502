import { randomUUID } from 'node:crypto';
import type { fulfillmentV1 } from '@baton/contracts';
import type { EventEnvelope } from '@baton/domain';
import { FulfillmentKit } from './fulfillment-test-kit';

describe('fulfillment: delivery legs for every delivery method', () => {
  const kit = new FulfillmentKit();
  const warehouse = 'wh-1';
  const store = 'store-1';

  beforeAll(async () => {
    await kit.start('fulfillment legs');
    await kit.call('configureLocation', {
      locationId: store,
      dailyCapacity: 0,
      timezone: 'Europe/Amsterdam',
      address: { name: 'Store Centrum', line1: 'Kalverstraat 1', line2: '', city: 'Amsterdam', postalCode: '1012 NX', country: 'NL' },
    });
  });

  afterAll(async () => {
    await kit.stop();
  });

  const get = async (id: string) => (await kit.call('getFulfillment', { fulfillmentId: id })).fulfillment as fulfillmentV1.Fulfillment;

  it('ships to the store and, once received there, activates the pickup leg through to collection', async () => {
    const { fulfillments, orderId } = await kit.place([{ sku: 'TEE', quantity: 2, locationId: warehouse, deliveryMethod: 'ship_to_store', destinationLocationId: store }]);
    const transfer = fulfillments.find((f) => f.legType === 'transfer') as fulfillmentV1.Fulfillment;
    const pickup = fulfillments.find((f) => f.legType === 'pickup') as fulfillmentV1.Fulfillment;
    expect(transfer).toMatchObject({ locationId: warehouse, destinationLocationId: store, status: 'created' });
    expect(pickup).toMatchObject({ locationId: store, status: 'pending', dependsOnFulfillmentId: transfer.id, dueAt: '' });
    await expect(kit.refusal('acceptFulfillment', { fulfillmentId: pickup.id })).resolves.toMatchObject({ code: 'ILLEGAL_TRANSITION' });

    await kit.readyToShip(transfer);
    const shipped = (await kit.call('shipFulfillment', { fulfillmentId: transfer.id, carrierId: '', serviceCode: '', strategy: '' })).fulfillment;
    expect(shipped?.status).toBe('shipped');
    const [shippedEvent] = await kit.data('fulfillment.fulfillment.shipped.v1', transfer.id);
    expect(shippedEvent).toMatchObject({ legType: 'transfer', destinationLocationId: store, lines: [{ quantity: 2, locationId: warehouse }] });
    const label = await kit.call('getShipmentLabel', { shipmentId: shipped?.shipments[0].id ?? '', format: 'pdf' });
    expect(Buffer.from(label.content).toString('latin1')).toContain('(Kalverstraat 1) Tj');

    kit.now = new Date('2026-11-19T08:00:00Z');
    const received = (await kit.call('confirmReceipt', { fulfillmentId: transfer.id })).fulfillment;
    expect(received?.status).toBe('delivered');
    expect(await kit.data('fulfillment.fulfillment.delivered.v1', transfer.id)).toEqual([
      expect.objectContaining({ legType: 'transfer', destinationLocationId: store, lines: [expect.objectContaining({ quantity: 2, locationId: warehouse })] }),
    ]);
    const activated = await get(pickup.id);
    expect(activated).toMatchObject({ status: 'created', dueAt: '2026-11-19T10:00:00.000Z' });
    expect(await kit.data('fulfillment.fulfillment.activated.v1', pickup.id)).toEqual([
      { fulfillmentId: pickup.id, orderId, locationId: store, inboundFulfillmentId: transfer.id, dueAt: '2026-11-19T10:00:00.000Z' },
    ]);

    await kit.call('acceptFulfillment', { fulfillmentId: pickup.id });
    await kit.pickAll(activated);
    await kit.call('markReadyForPickup', { fulfillmentId: pickup.id });
    const [{ pickupCode }] = await kit.data('fulfillment.fulfillment.ready-for-pickup.v1', pickup.id);
    expect((await kit.call('handOver', { fulfillmentId: pickup.id, pickupCode, lines: [] })).fulfillment?.status).toBe('collected');
    expect(await kit.data('fulfillment.fulfillment.collected.v1', pickup.id)).toEqual([
      expect.objectContaining({ locationId: store, inboundFulfillmentId: transfer.id, complete: true, lines: [expect.objectContaining({ quantity: 2, locationId: store })] }),
    ]);
    kit.now = new Date('2026-11-18T09:00:00Z');
  });

  it('withdraws the waiting pickup leg when its transfer is rejected, and shrinks it on a short pick', async () => {
    const first = (await kit.place([{ sku: 'TEE', quantity: 1, locationId: warehouse, deliveryMethod: 'ship_to_store', destinationLocationId: store }])).fulfillments;
    const [transfer, pickup] = [first.find((f) => f.legType === 'transfer'), first.find((f) => f.legType === 'pickup')] as fulfillmentV1.Fulfillment[];
    await kit.call('rejectFulfillment', { fulfillmentId: transfer.id, reason: 'no stock after all' });
    expect((await get(pickup.id)).status).toBe('cancelled');
    expect(await kit.data('fulfillment.fulfillment.cancelled.v1', pickup.id)).toEqual([expect.objectContaining({ lines: [expect.objectContaining({ quantity: 1 })] })]);

    const second = (await kit.place([{ sku: 'MUG', quantity: 3, locationId: warehouse, deliveryMethod: 'ship_to_store', destinationLocationId: store }])).fulfillments;
    const [transfer2, pickup2] = [second.find((f) => f.legType === 'transfer'), second.find((f) => f.legType === 'pickup')] as fulfillmentV1.Fulfillment[];
    await kit.call('acceptFulfillment', { fulfillmentId: transfer2.id });
    await kit.call('confirmPick', { fulfillmentId: transfer2.id, lines: [{ lineId: transfer2.lines[0].lineId, quantity: 2 }], scannedSkus: [] });
    expect((await get(pickup2.id)).lines[0].quantity).toBe(2);
  });

  it('gives same-day work today’s cut-off before it and tomorrow’s after it', async () => {
    const before = (await kit.place([{ sku: 'TEE', quantity: 1, locationId: store, deliveryMethod: 'same_day' }])).fulfillments[0];
    expect(before).toMatchObject({ priority: 2, dueAt: '2026-11-18T13:00:00.000Z' });
    kit.now = new Date('2026-11-18T14:30:00Z');
    const after = (await kit.place([{ sku: 'TEE', quantity: 1, locationId: store, deliveryMethod: 'same_day' }])).fulfillments[0];
    expect(after.dueAt).toBe('2026-11-19T13:00:00.000Z');
    kit.now = new Date('2026-11-18T09:00:00Z');
    await kit.readyToShip(before);
    const shipped = (await kit.call('shipFulfillment', { fulfillmentId: before.id, carrierId: '', serviceCode: '', strategy: '' })).fulfillment;
    expect(shipped?.shipments[0]).toMatchObject({ carrierId: 'city-courier', serviceCode: 'same-day' });
  });

  it('refuses to ship same-day work by a service that cannot deliver today', async () => {
    const late = (await kit.place([{ sku: 'TEE', quantity: 1, locationId: store, deliveryMethod: 'same_day' }])).fulfillments[0];
    await kit.readyToShip(late);
    kit.now = new Date('2026-11-18T15:30:00Z');
    await expect(kit.refusal('shipFulfillment', { fulfillmentId: late.id, carrierId: '', serviceCode: '', strategy: '' })).resolves.toMatchObject({
      code: 'NO_CARRIER_SERVICE',
    });
    expect((await get(late.id)).status).toBe('packed');
    kit.now = new Date('2026-11-18T09:00:00Z');
  });

  it('schedules a window delivery for the courier to reach the window, and ships it with a window service', async () => {
    const window = { from: '2026-11-19T17:00:00Z', to: '2026-11-19T19:00:00Z' };
    const [work] = (await kit.place([{ sku: 'SOFA', quantity: 1, locationId: store, deliveryMethod: 'scheduled_window', requestedWindow: window }])).fulfillments;
    expect(work).toMatchObject({ windowStart: '2026-11-19T17:00:00.000Z', windowEnd: '2026-11-19T19:00:00.000Z', dueAt: '2026-11-19T15:00:00.000Z', priority: 3 });
    await kit.readyToShip(work);
    const shipped = (await kit.call('shipFulfillment', { fulfillmentId: work.id, carrierId: '', serviceCode: '', strategy: '' })).fulfillment;
    expect(shipped?.shipments[0]).toMatchObject({ serviceCode: 'time-window', estimatedDeliveryAt: '2026-11-19T19:00:00.000Z' });
  });

  it('ships drop-ship from the supplier and a transfer to another location', async () => {
    const { fulfillments } = await kit.place([
      { sku: 'BIKE', quantity: 1, locationId: 'supplier-9', deliveryMethod: 'drop_ship' },
      { sku: 'TEE', quantity: 5, locationId: warehouse, deliveryMethod: 'transfer', destinationLocationId: store },
    ]);
    expect(fulfillments.map((f) => [f.legType, f.locationId, f.destinationLocationId, f.deliveryMethod])).toEqual(
      expect.arrayContaining([
        ['ship', 'supplier-9', '', 'drop_ship'],
        ['transfer', warehouse, store, 'transfer'],
      ]),
    );
    const transfer = fulfillments.find((f) => f.legType === 'transfer') as fulfillmentV1.Fulfillment;
    const noAddress = (await kit.place([{ sku: 'TEE', quantity: 1, locationId: warehouse, deliveryMethod: 'transfer', destinationLocationId: 'store-unknown' }])).fulfillments[0];
    await kit.readyToShip(noAddress);
    await expect(kit.refusal('shipFulfillment', { fulfillmentId: noAddress.id, carrierId: '', serviceCode: '', strategy: '' })).resolves.toMatchObject({ code: 'NO_DESTINATION' });
    await kit.readyToShip(transfer);
    expect((await kit.call('shipFulfillment', { fulfillmentId: transfer.id, carrierId: '', serviceCode: '', strategy: '' })).fulfillment?.status).toBe('shipped');
  });

  it('creates work for lines orders sources later (re-sourced after a rejection), once', async () => {
    const { fulfillments, event, orderId } = await kit.place([{ sku: 'TEE', quantity: 2, locationId: 'wh-a' }]);
    await kit.call('rejectFulfillment', { fulfillmentId: fulfillments[0].id, reason: 'no stock' });
    const [line] = event.data.lines;
    const sourced: EventEnvelope<'orders.order.sourced.v1'> = {
      ...event,
      id: randomUUID(),
      type: 'orders.order.sourced.v1',
      data: {
        orderId,
        channel: 'web',
        channelOrderId: event.data.channelOrderId,
        customerEmail: 'ada@example.com',
        deliveryMethod: 'ship_to_address',
        shipTo: event.data.shipTo,
        currency: 'EUR',
        trigger: 'resourcing',
        attempt: 2,
        lines: [{ ...line, lineId: randomUUID(), orderLineId: line.lineId, locationId: 'wh-b' }],
        replaces: [{ lineId: line.lineId, sku: 'TEE', quantity: 2, locationId: 'wh-a' }],
      },
    };
    await kit.bus.publish(sourced);
    await kit.bus.publish(sourced);
    const all = (await kit.call('listOrderFulfillments', { orderId })).fulfillments;
    expect(all.map((f) => [f.locationId, f.status])).toEqual([
      ['wh-a', 'rejected'],
      ['wh-b', 'created'],
    ]);
    expect(all[1].shipTo).toMatchObject({ postalCode: '1012 LG' });
  });

  it('withdraws work when orders cancels the order or some of its lines', async () => {
    const otherWarehouse = 'wh-2';
    const { fulfillments, event, orderId } = await kit.place([
      { sku: 'TEE', quantity: 3, locationId: otherWarehouse },
      { sku: 'MUG', quantity: 1, locationId: store },
    ]);
    const atWarehouse = fulfillments.find((f) => f.locationId === otherWarehouse) as fulfillmentV1.Fulfillment;
    const atStore = fulfillments.find((f) => f.locationId === store) as fulfillmentV1.Fulfillment;
    await kit.call('acceptFulfillment', { fulfillmentId: atWarehouse.id });
    expect((await kit.call('getLocationLoad', { locationIds: [otherWarehouse] })).loads[0]).toMatchObject({ acceptedToday: 1, inProgress: 1 });
    const cancel = (lines: Array<{ lineId: string; sku: string; quantity: number }>, wholeOrder: boolean): EventEnvelope<'orders.order.cancelled.v1'> => ({
      ...event,
      id: randomUUID(),
      type: 'orders.order.cancelled.v1',
      data: { orderId, wholeOrder, reason: 'customer changed mind', lines, refundMinor: 0, currency: 'EUR' },
    });
    const [tee, mug] = event.data.lines;
    const partial = cancel([{ lineId: tee.lineId, sku: 'TEE', quantity: 1 }], false);
    await kit.bus.publish(partial);
    await kit.bus.publish(partial);
    expect(await get(atWarehouse.id)).toMatchObject({ status: 'accepted', lines: [{ quantity: 2 }] });
    await kit.bus.publish(cancel([{ lineId: tee.lineId, sku: 'TEE', quantity: 2 }, { lineId: mug.lineId, sku: 'MUG', quantity: 1 }], true));
    expect((await get(atWarehouse.id)).status).toBe('cancelled');
    expect((await get(atStore.id)).status).toBe('cancelled');
    expect((await kit.data('fulfillment.fulfillment.cancelled.v1', atWarehouse.id)).map((e) => e.lines.map((l) => l.quantity))).toEqual([[1], [2]]);
    expect((await kit.call('getLocationLoad', { locationIds: [otherWarehouse] })).loads[0]).toMatchObject({ acceptedToday: 0, inProgress: 0, open: 0 });
  });
});
