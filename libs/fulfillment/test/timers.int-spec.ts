import { FulfillmentKit } from './fulfillment-test-kit';

describe('fulfillment: the pick/pack timer', () => {
  const kit = new FulfillmentKit();
  const policy = (onLate: 'flag' | 'reject') => ({
    policy: { startWithinMinutes: 30, onLate, pickupExpiryHours: 72, onPickupExpiry: 'cancel', pickupPrepMinutes: 120, defaultCarrierStrategy: 'cheapest' },
  });

  beforeAll(async () => {
    await kit.start('fulfillment timers');
  });

  afterAll(async () => {
    await kit.stop();
  });

  it('flags work not started in time, once, and leaves started work alone', async () => {
    await kit.call('setFulfillmentPolicy', policy('flag'));
    const [idle] = (await kit.place([{ sku: 'TEE', quantity: 1, locationId: 'wh-t' }])).fulfillments;
    const [started] = (await kit.place([{ sku: 'TEE', quantity: 1, locationId: 'wh-t' }])).fulfillments;
    await kit.call('acceptFulfillment', { fulfillmentId: started.id });
    await kit.call('createPickList', { locationId: 'wh-t', fulfillmentIds: [started.id], maxFulfillments: 0 });

    expect((await kit.timers.runOnce(new Date('2026-11-18T09:29:00Z'))).flagged).toBe(0);
    expect((await kit.timers.runOnce(new Date('2026-11-18T09:31:00Z'))).flagged).toBe(1);
    expect((await kit.timers.runOnce(new Date('2026-11-18T09:40:00Z'))).flagged).toBe(0);

    const late = (await kit.call('listFulfillments', { locationId: 'wh-t', statuses: [], limit: 10, lateOnly: true })).fulfillments;
    expect(late.map((f) => [f.id, f.late, f.status])).toEqual([[idle.id, true, 'created']]);
    expect(await kit.data('fulfillment.fulfillment.overdue.v1', idle.id)).toEqual([
      expect.objectContaining({ action: 'flagged', status: 'created', dueAt: '2026-11-18T16:00:00.000Z' }),
    ]);
    expect(await kit.data('fulfillment.fulfillment.overdue.v1', started.id)).toEqual([]);
  });

  it('by policy takes late work back with reason timeout, exactly once however many timers run', async () => {
    await kit.call('setFulfillmentPolicy', policy('reject'));
    const works = [];
    for (let i = 0; i < 4; i++) works.push((await kit.place([{ sku: 'MUG', quantity: 2, locationId: 'wh-u' }])).fulfillments[0]);
    await kit.call('acceptFulfillment', { fulfillmentId: works[0].id });

    const at = new Date('2026-11-18T10:00:00Z');
    const outcomes = await Promise.all([kit.timers.runOnce(at), kit.timers.runOnce(at), kit.timers.runOnce(at)]);
    expect(outcomes.reduce((sum, o) => sum + o.rejected, 0)).toBeGreaterThanOrEqual(works.length);
    for (const work of works) {
      expect((await kit.call('getFulfillment', { fulfillmentId: work.id })).fulfillment).toMatchObject({ status: 'rejected', rejectReason: 'timeout', late: true });
      expect(await kit.data('fulfillment.fulfillment.rejected.v1', work.id)).toEqual([
        expect.objectContaining({ reason: 'timeout', shortPick: false, lines: [expect.objectContaining({ quantity: 2, locationId: 'wh-u' })] }),
      ]);
      expect(await kit.data('fulfillment.fulfillment.overdue.v1', work.id)).toEqual([expect.objectContaining({ action: 'rejected' })]);
    }
    expect((await kit.call('getLocationLoad', { locationIds: ['wh-u'] })).loads[0]).toMatchObject({ acceptedToday: 0, open: 0, inProgress: 0 });
  });

  it('runs only inside each tenant: another tenant’s policy never applies', async () => {
    const other = new FulfillmentKit(kit.bus);
    Object.assign(other, { service: kit.service, client: kit.client, db: kit.db, timers: kit.timers });
    const [foreign] = (await other.place([{ sku: 'TEE', quantity: 1, locationId: 'wh-v' }])).fulfillments;
    await kit.timers.runOnce(new Date('2026-11-18T10:00:00Z'));
    const after = (await other.call('getFulfillment', { fulfillmentId: foreign.id })).fulfillment;
    expect(after).toMatchObject({ status: 'created', late: false });
    expect(await other.data('fulfillment.fulfillment.rejected.v1', foreign.id)).toEqual([]);
    await other.call('setFulfillmentPolicy', policy('flag'));
    await kit.timers.runOnce(new Date('2026-11-18T10:00:00Z'));
    expect((await other.call('getFulfillment', { fulfillmentId: foreign.id })).fulfillment).toMatchObject({ status: 'created', late: true });
  });
});
