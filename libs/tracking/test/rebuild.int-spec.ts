import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { InProcessEventBus } from '@baton/messaging';
import { createTestDatabase, dropTestDatabase, withTenant } from '@baton/testing';
import { ReadModelRebuilder } from '../src';
import { damageReadModel, journey, readModelSnapshot, startTracking } from './tracking-fixtures';

describe('tracking read model rebuild (embedded mode: from the event log)', () => {
  let databaseUrl: string;
  let tracking: Awaited<ReturnType<typeof startTracking>>;
  const bus = new InProcessEventBus();

  beforeAll(async () => {
    databaseUrl = await createTestDatabase('tracking rebuild');
    tracking = await startTracking({ databaseUrl, bus });
  });

  afterAll(async () => {
    await tracking?.close();
    await bus.close();
    if (databaseUrl) await dropTestDatabase(databaseUrl);
  });

  it('rebuilds a damaged read model into exactly the live one, without re-sending webhooks', async () => {
    await withTenant('acme', async () => {
      await tracking.client.call('updateWebhookSettings', { allowPrivateUrls: true });
      await tracking.client.call('createWebhookSubscription', {
        url: 'http://127.0.0.1:9/nowhere',
        eventTypes: ['*'],
        description: 'counts deliveries',
        secret: '',
      });
    });
    const trips = [journey('acme'), journey('acme', { delivered: false }), journey('globex')];
    const events = trips.flatMap((trip) => trip.events);
    for (const event of [...events].reverse()) await bus.publish(event);
    for (const event of events.slice(0, 5)) await bus.publish(event);

    const db = tracking.service.app.get(DataSource);
    const live = await readModelSnapshot(db, true);
    expect(live.timeline_entries.length).toBeGreaterThan(20);
    expect(live.shipment_scans).toHaveLength(11);
    const deliveries = async () => Number((await db.query(`SELECT count(*) AS n FROM webhook_deliveries`))[0].n);
    const deliveriesBefore = await deliveries();
    expect(deliveriesBefore).toBe(trips[0].events.length + trips[1].events.length);

    await damageReadModel(db);
    expect(await readModelSnapshot(db, true)).not.toEqual(live);

    const applied = await tracking.service.app.get(ReadModelRebuilder).rebuild();
    expect(applied).toBe(events.length);
    expect(await readModelSnapshot(db, true)).toEqual(live);
    expect(await deliveries()).toBe(deliveriesBefore);
  });
});
