import type { fulfillmentV1 } from '@baton/contracts';
import { FulfillmentKit } from './fulfillment-test-kit';

describe('fulfillment: store operations — capacity, rejection, short pick, batch picking, queue', () => {
  const kit = new FulfillmentKit();

  beforeAll(async () => {
    await kit.start('fulfillment store ops');
  });

  afterAll(async () => {
    await kit.stop();
  });

  const get = async (id: string) => (await kit.call('getFulfillment', { fulfillmentId: id })).fulfillment as fulfillmentV1.Fulfillment;
  const placeAt = async (locationId: string, lines: Array<[string, number]> = [['TEE', 1]], extra: Record<string, unknown> = {}) =>
    (await kit.place(lines.map(([sku, quantity]) => ({ sku, quantity, locationId })), extra)).fulfillments[0];

  it('never accepts beyond the daily capacity, however many accept at once', async () => {
    await kit.call('configureLocation', { locationId: 'cap-1', dailyCapacity: 3, timezone: 'Europe/Amsterdam', address: undefined });
    const works = await Promise.all(Array.from({ length: 8 }, () => placeAt('cap-1')));
    const results = await Promise.allSettled(works.map((w) => kit.call('acceptFulfillment', { fulfillmentId: w.id })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    const refusals = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason);
    expect(refusals).toHaveLength(5);
    expect(refusals.every((e) => e.code === 'CAPACITY_EXCEEDED' && e.kind === 'conflict')).toBe(true);
    expect(refusals[0].details).toMatchObject({ locationId: 'cap-1', dailyCapacity: 3, day: '2026-11-18' });
    expect((await kit.call('getLocationLoad', { locationIds: ['cap-1'] })).loads).toEqual([
      { locationId: 'cap-1', dailyCapacity: 3, acceptedToday: 3, open: 5, inProgress: 3, remainingToday: 0, day: '2026-11-18' },
    ]);
    expect(await kit.count(`SELECT count(*) AS n FROM fulfillment_orders WHERE location_id = 'cap-1' AND status = 'accepted'`)).toBe(3);

    const accepted = works.filter((_, i) => results[i].status === 'fulfilled');
    await kit.call('rejectFulfillment', { fulfillmentId: accepted[0].id, reason: 'staff shortage' });
    expect((await kit.call('getLocationLoad', { locationIds: ['cap-1'] })).loads[0]).toMatchObject({ acceptedToday: 2, remainingToday: 1 });
    const waiting = works.filter((_, i) => results[i].status === 'rejected');
    await kit.call('acceptFulfillment', { fulfillmentId: waiting[0].id });
    await expect(kit.refusal('acceptFulfillment', { fulfillmentId: waiting[1].id })).resolves.toMatchObject({ code: 'CAPACITY_EXCEEDED' });

    kit.now = new Date('2026-11-19T09:00:00Z');
    await kit.call('acceptFulfillment', { fulfillmentId: waiting[1].id });
    expect((await kit.call('getLocationLoad', { locationIds: ['cap-1'] })).loads[0]).toMatchObject({ acceptedToday: 1, day: '2026-11-19' });
    kit.now = new Date('2026-11-18T09:00:00Z');
  });

  it('gives rejected work back with exactly the quantities it held, each with the location', async () => {
    const work = await placeAt('wh-r', [['TEE', 2], ['MUG', 1]]);
    const rejected = (await kit.call('rejectFulfillment', { fulfillmentId: work.id, reason: ' damaged stock ' })).fulfillment;
    expect(rejected).toMatchObject({ status: 'rejected', rejectReason: 'damaged stock' });
    expect(await kit.data('fulfillment.fulfillment.rejected.v1', work.id)).toEqual([
      {
        fulfillmentId: work.id,
        orderId: work.orderId,
        locationId: 'wh-r',
        reason: 'damaged stock',
        shortPick: false,
        partial: false,
        legType: 'ship',
        lines: work.lines.map((l) => ({ lineId: l.lineId, sku: l.sku, quantity: l.quantity, locationId: 'wh-r' })),
      },
    ]);
  });

  it('short-picks the missing units and goes on with the rest', async () => {
    const work = await placeAt('wh-s', [['TEE', 3], ['MUG', 1]]);
    await kit.call('acceptFulfillment', { fulfillmentId: work.id });
    const [tee, mug] = work.lines;
    const picked = (await kit.call('confirmPick', {
      fulfillmentId: work.id,
      lines: [
        { lineId: tee.lineId, quantity: 2 },
        { lineId: mug.lineId, quantity: 1 },
      ],
      scannedSkus: [],
    })).fulfillment;
    expect(picked).toMatchObject({ status: 'picked', lines: [{ pickedQuantity: 2, shortQuantity: 1 }, { pickedQuantity: 1, shortQuantity: 0 }] });
    expect(await kit.data('fulfillment.fulfillment.rejected.v1', work.id)).toEqual([
      expect.objectContaining({ reason: 'short_pick', shortPick: true, partial: true, lines: [{ lineId: tee.lineId, sku: 'TEE', quantity: 1, locationId: 'wh-s' }] }),
    ]);
    expect(await kit.data('fulfillment.fulfillment.picked.v1', work.id)).toEqual([
      expect.objectContaining({ lines: [expect.objectContaining({ quantity: 2 }), expect.objectContaining({ quantity: 1 })] }),
    ]);
    await kit.call('packFulfillment', { fulfillmentId: work.id, packages: [{ weightGrams: 500, lengthMm: 100, widthMm: 100, heightMm: 100, lines: [] }] });
    await kit.call('shipFulfillment', { fulfillmentId: work.id, carrierId: '', serviceCode: '', strategy: '' });
    const [shipped] = await kit.data('fulfillment.fulfillment.shipped.v1', work.id);
    expect(shipped.lines.map((l) => l.quantity)).toEqual([2, 1]);
  });

  it('rejects the whole fulfilment when nothing at all was found', async () => {
    const work = await placeAt('wh-s', [['TEE', 2]]);
    await kit.call('acceptFulfillment', { fulfillmentId: work.id });
    const after = (await kit.call('confirmPick', { fulfillmentId: work.id, lines: [{ lineId: work.lines[0].lineId, quantity: 0 }], scannedSkus: [] })).fulfillment;
    expect(after).toMatchObject({ status: 'rejected', rejectReason: 'short_pick', lines: [{ shortQuantity: 2, pickedQuantity: 0 }] });
    expect(await kit.data('fulfillment.fulfillment.rejected.v1', work.id)).toEqual([
      expect.objectContaining({ shortPick: true, partial: false, lines: [expect.objectContaining({ quantity: 2, locationId: 'wh-s' })] }),
    ]);
  });

  it('batches accepted work into a pick list grouped by item, never twice', async () => {
    const works = [];
    for (const lines of [[['TEE', 2], ['MUG', 1]], [['TEE', 1]], [['CAP', 1], ['MUG', 2]], [['TEE', 1]]] as Array<Array<[string, number]>>) {
      const work = await placeAt('wh-p', lines);
      await kit.call('acceptFulfillment', { fulfillmentId: work.id });
      works.push(work);
    }
    const [a, b] = await Promise.all([
      kit.call('createPickList', { locationId: 'wh-p', fulfillmentIds: [], maxFulfillments: 2 }),
      kit.call('createPickList', { locationId: 'wh-p', fulfillmentIds: [], maxFulfillments: 2 }),
    ]);
    const batched = [...(a.pickList?.fulfillmentIds ?? []), ...(b.pickList?.fulfillmentIds ?? [])];
    expect(batched.sort()).toEqual(works.map((w) => w.id).sort());
    await expect(kit.refusal('createPickList', { locationId: 'wh-p', fulfillmentIds: [], maxFulfillments: 0 })).resolves.toMatchObject({ code: 'NOTHING_TO_PICK' });
    for (const work of works) expect((await get(work.id)).status).toBe('picking');

    const items = [...(a.pickList?.items ?? []), ...(b.pickList?.items ?? [])];
    const total = (sku: string) => items.filter((i) => i.sku === sku).reduce((sum, i) => sum + i.quantity, 0);
    expect([total('TEE'), total('MUG'), total('CAP')]).toEqual([4, 3, 1]);
    const first = a.pickList as fulfillmentV1.PickList;
    expect(first.items.map((i) => i.sku)).toEqual([...first.items.map((i) => i.sku)].sort());
    expect(await kit.data('fulfillment.fulfillment.picking-started.v1', first.fulfillmentIds[0])).toEqual([expect.objectContaining({ pickListId: first.id })]);

    const done = works.find((w) => w.id === first.fulfillmentIds[0]) as fulfillmentV1.Fulfillment;
    await kit.pickAll(done);
    const reread = (await kit.call('getPickList', { pickListId: first.id })).pickList;
    expect(reread?.items.flatMap((i) => i.lines.map((l) => l.fulfillmentId))).not.toContain(done.id);
  });

  it('refuses named work that is elsewhere or not accepted', async () => {
    const elsewhere = await placeAt('wh-x');
    await kit.call('acceptFulfillment', { fulfillmentId: elsewhere.id });
    await expect(kit.refusal('createPickList', { locationId: 'wh-p', fulfillmentIds: [elsewhere.id], maxFulfillments: 0 })).resolves.toMatchObject({ code: 'LOCATION_MISMATCH' });
    const fresh = await placeAt('wh-p');
    await expect(kit.refusal('createPickList', { locationId: 'wh-p', fulfillmentIds: [fresh.id], maxFulfillments: 0 })).resolves.toMatchObject({ code: 'ILLEGAL_TRANSITION' });
    expect((await get(elsewhere.id)).status).toBe('accepted');
  });

  it('lists a location’s queue by priority, then due time', async () => {
    const later = await placeAt('wh-q', [['TEE', 1]], { promisedBy: '2026-11-20T17:00:00Z' });
    const normal = await placeAt('wh-q');
    expect([later.dueAt, normal.dueAt]).toEqual(['2026-11-19T16:00:00.000Z', '2026-11-18T16:00:00.000Z']);
    const urgent = await placeAt('wh-q', [['TEE', 1]], { priority: 'urgent' });
    kit.now = new Date('2026-11-18T08:00:00Z');
    const earlierPickup = (await kit.place([{ sku: 'TEE', quantity: 1, locationId: 'wh-q', deliveryMethod: 'click_and_collect' }])).fulfillments[0];
    kit.now = new Date('2026-11-18T09:00:00Z');
    const queue = (await kit.call('listFulfillments', { locationId: 'wh-q', statuses: ['created'], limit: 10, lateOnly: false })).fulfillments;
    expect(queue.map((f) => f.id)).toEqual([urgent.id, earlierPickup.id, normal.id, later.id]);
    await expect(kit.refusal('listFulfillments', { locationId: 'wh-q', statuses: ['lost'], limit: 0, lateOnly: false })).resolves.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
