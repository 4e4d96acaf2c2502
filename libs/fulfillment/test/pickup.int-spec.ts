import type { fulfillmentV1 } from '@baton/contracts';
import { FulfillmentKit } from './fulfillment-test-kit';

describe('fulfillment: click-and-collect and curbside at a store', () => {
  const kit = new FulfillmentKit();
  const store = 'store-1';

  beforeAll(async () => {
    await kit.start('fulfillment pickup');
  });

  afterAll(async () => {
    await kit.stop();
  });

  async function readyPickup(method = 'click_and_collect', quantities: number[] = [2, 1]) {
    const { fulfillments, event, orderId } = await kit.place(
      quantities.map((quantity, i) => ({ sku: `SKU-${i}`, quantity, locationId: store, deliveryMethod: method, destinationLocationId: store })),
    );
    const [work] = fulfillments;
    await kit.call('acceptFulfillment', { fulfillmentId: work.id });
    await kit.pickAll(work);
    const ready = (await kit.call('markReadyForPickup', { fulfillmentId: work.id })).fulfillment as fulfillmentV1.Fulfillment;
    const [announced] = await kit.data('fulfillment.fulfillment.ready-for-pickup.v1', work.id);
    return { work: ready, code: announced.pickupCode, announced, event, orderId };
  }

  it('creates a pickup leg at the store, due after the preparation time', async () => {
    const { fulfillments } = await kit.place([{ sku: 'TEE', quantity: 1, locationId: store, deliveryMethod: 'click_and_collect', destinationLocationId: store }]);
    expect(fulfillments).toHaveLength(1);
    expect(fulfillments[0]).toMatchObject({ legType: 'pickup', locationId: store, status: 'created', priority: 4, dueAt: '2026-11-18T11:00:00.000Z' });
  });

  it('hands over against the right code and refuses a wrong one without changing anything', async () => {
    const { work, code, announced, orderId } = await readyPickup();
    expect(work.status).toBe('ready_for_pickup');
    expect(code).toMatch(/^\d{6}$/);
    expect(announced).toMatchObject({ orderId, locationId: store, expiresAt: '2026-11-21T09:00:00.000Z', deliveryMethod: 'click_and_collect' });
    expect(announced.lines.map((l) => [l.quantity, l.locationId])).toEqual([[2, store], [1, store]]);
    expect(JSON.stringify(work)).not.toContain(code);
    const stored = await kit.db.query<Array<{ pickup_code_hash: string }>>(`SELECT pickup_code_hash FROM fulfillment_orders WHERE id = $1`, [work.id]);
    expect(stored[0].pickup_code_hash).not.toContain(code);

    const wrong = code === '000000' ? '111111' : '000000';
    await expect(kit.refusal('handOver', { fulfillmentId: work.id, pickupCode: wrong, lines: [] })).resolves.toMatchObject({ code: 'PICKUP_CODE_INVALID', kind: 'precondition' });
    expect((await kit.call('getFulfillment', { fulfillmentId: work.id })).fulfillment).toMatchObject({ status: 'ready_for_pickup', lines: [{ collectedQuantity: 0 }, { collectedQuantity: 0 }] });
    expect(await kit.data('fulfillment.fulfillment.collected.v1', work.id)).toEqual([]);

    const collected = (await kit.call('handOver', { fulfillmentId: work.id, pickupCode: code, lines: [] })).fulfillment;
    expect(collected).toMatchObject({ status: 'collected', lines: [{ collectedQuantity: 2 }, { collectedQuantity: 1 }] });
    const [event] = await kit.data('fulfillment.fulfillment.collected.v1', work.id);
    expect(event).toMatchObject({ complete: true, lines: [{ quantity: 2, locationId: store }, { quantity: 1, locationId: store }] });
    await expect(kit.refusal('handOver', { fulfillmentId: work.id, pickupCode: code, lines: [] })).resolves.toMatchObject({ code: 'ILLEGAL_TRANSITION' });
  });

  it('allows a partial collection; the rest waits, then is collected', async () => {
    const { work, code } = await readyPickup();
    const [tee, mug] = work.lines;
    const partly = (await kit.call('handOver', { fulfillmentId: work.id, pickupCode: code, lines: [{ lineId: tee.lineId, quantity: 1 }] })).fulfillment;
    expect(partly).toMatchObject({ status: 'ready_for_pickup', lines: [{ collectedQuantity: 1 }, { collectedQuantity: 0 }] });
    await expect(kit.refusal('handOver', { fulfillmentId: work.id, pickupCode: code, lines: [{ lineId: tee.lineId, quantity: 2 }] })).resolves.toMatchObject({
      code: 'QUANTITY_EXCEEDED',
    });
    const rest = (await kit.call('handOver', { fulfillmentId: work.id, pickupCode: code, lines: [] })).fulfillment;
    expect(rest?.status).toBe('collected');
    const events = await kit.data('fulfillment.fulfillment.collected.v1', work.id);
    expect(events.map((e) => [e.complete, e.lines.map((l) => [l.lineId, l.quantity])])).toEqual([
      [false, [[tee.lineId, 1]]],
      [true, [[tee.lineId, 1], [mug.lineId, 1]]],
    ]);
  });

  it('hands over once when two clerks enter the code at the same time', async () => {
    const { work, code } = await readyPickup('click_and_collect', [1]);
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () => kit.call('handOver', { fulfillmentId: work.id, pickupCode: code, lines: [] })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(
      Array(5).fill('ILLEGAL_TRANSITION'),
    );
    expect(await kit.data('fulfillment.fulfillment.collected.v1', work.id)).toHaveLength(1);
  });

  it('records a curbside arrival for the store and refuses it for a shipment', async () => {
    const { work } = await readyPickup('curbside', [1]);
    expect(work.deliveryMethod).toBe('curbside');
    const arrived = (await kit.call('recordArrival', { fulfillmentId: work.id, note: 'bay 3, red Volvo' })).fulfillment;
    expect(arrived).toMatchObject({ arrivedAt: '2026-11-18T09:00:00.000Z', arrivalNote: 'bay 3, red Volvo' });
    expect(await kit.data('fulfillment.fulfillment.customer-arrived.v1', work.id)).toEqual([
      expect.objectContaining({ note: 'bay 3, red Volvo', locationId: store }),
    ]);
    const [shipment] = (await kit.place([{ sku: 'TEE', quantity: 1, locationId: 'wh-1' }])).fulfillments;
    await expect(kit.refusal('recordArrival', { fulfillmentId: shipment.id, note: '' })).resolves.toMatchObject({
      code: 'ILLEGAL_TRANSITION',
      details: expect.objectContaining({ reason: 'WRONG_LEG' }),
    });
  });

  it('expires uncollected pickups after the tenant limit, giving back exactly what still waits', async () => {
    await kit.call('setFulfillmentPolicy', {
      policy: { startWithinMinutes: 600, onLate: 'flag', pickupExpiryHours: 24, onPickupExpiry: 'reoffer', pickupPrepMinutes: 60, defaultCarrierStrategy: 'cheapest' },
    });
    const { work, code } = await readyPickup('click_and_collect', [3]);
    expect(work.pickupExpiresAt).toBe('2026-11-19T09:00:00.000Z');
    await kit.call('handOver', { fulfillmentId: work.id, pickupCode: code, lines: [{ lineId: work.lines[0].lineId, quantity: 1 }] });

    const early = await kit.timers.runOnce(new Date('2026-11-19T08:59:00Z'));
    expect(early.expired).toBe(0);
    const due = await kit.timers.runOnce(new Date('2026-11-19T09:01:00Z'));
    expect(due.expired).toBeGreaterThanOrEqual(1);
    expect((await kit.call('getFulfillment', { fulfillmentId: work.id })).fulfillment?.status).toBe('expired');
    expect(await kit.data('fulfillment.fulfillment.expired.v1', work.id)).toEqual([
      expect.objectContaining({ policy: 'reoffer', lines: [expect.objectContaining({ quantity: 2, locationId: store })] }),
    ]);
    await expect(kit.refusal('handOver', { fulfillmentId: work.id, pickupCode: code, lines: [] })).resolves.toMatchObject({ code: 'ILLEGAL_TRANSITION' });
    expect((await kit.timers.runOnce(new Date('2026-11-20T09:00:00Z'))).expired).toBe(0);
  });
});
