import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { JetStreamEventBus } from '@baton/messaging';
import { JsonLogger } from '@baton/platform';
import { createTestDatabase, describeWithNats, dropTestDatabase, testNatsUrl, waitFor, withTenant } from '@baton/testing';
import { rebuildTrackingReadModel } from '../src';
import { T0, damageReadModel, deletePrefixedStreams, journey, readModelSnapshot, startTracking, uniqueStreamPrefix } from './tracking-fixtures';

describeWithNats('tracking over JetStream: rebuild and replay re-read the streams', () => {
  const natsUrl = testNatsUrl() as string;
  const streamPrefix = uniqueStreamPrefix();
  let databaseUrl: string;
  let bus: JetStreamEventBus;
  let tracking: Awaited<ReturnType<typeof startTracking>>;
  const trips = [journey('acme'), journey('acme', { delivered: false }), journey('globex')];
  const events = trips.flatMap((trip) => trip.events);

  const recorded = async (db: DataSource) => Number((await db.query(`SELECT count(*) AS n FROM tracked_events`))[0].n);

  beforeAll(async () => {
    databaseUrl = await createTestDatabase('tracking streams');
    bus = new JetStreamEventBus({ servers: natsUrl, streamPrefix, lagIntervalMs: 60_000 });
    tracking = await startTracking({
      databaseUrl,
      bus,
      env: { NATS_URL: natsUrl, NATS_STREAM_PREFIX: streamPrefix },
    });
    for (const event of events) await bus.publish(event);
    const db = tracking.service.app.get(DataSource);
    await waitFor(async () => (await recorded(db)) === events.length, { timeoutMs: 20_000, message: 'every event consumed' });
  });

  afterAll(async () => {
    await tracking?.close();
    await bus?.close();
    await deletePrefixedStreams(natsUrl, streamPrefix);
    if (databaseUrl) await dropTestDatabase(databaseUrl);
  });

  it('npm run tracking:rebuild rebuilds the read model from the streams and it ends identical', async () => {
    const db = tracking.service.app.get(DataSource);
    const live = await readModelSnapshot(db, true);
    expect(live.tracked_events).toHaveLength(events.length);
    await damageReadModel(db);
    await db.query(`DELETE FROM tracked_events WHERE event_id IN (SELECT event_id FROM tracked_events LIMIT 4)`);

    const applied = await rebuildTrackingReadModel(tracking.config, new JsonLogger('tracking-rebuild', 'error'));

    expect(applied).toBe(events.length);
    expect(await readModelSnapshot(db, true)).toEqual(live);
  });

  it('replays a time range of a tenant to a subscription from the streams', async () => {
    const replay = await withTenant('acme', async () => {
      await tracking.client.call('updateWebhookSettings', { allowPrivateUrls: true });
      const { subscription } = await tracking.client.call('createWebhookSubscription', {
        url: 'http://127.0.0.1:9/replayed',
        eventTypes: ['fulfillment.*', 'tracking.shipment.scanned.v1'],
        description: '',
        secret: '',
      });
      const started = await tracking.client.call('replayWebhookEvents', {
        subscriptionId: subscription?.id as string,
        from: new Date(T0 + 1000).toISOString(),
        to: new Date(T0 + 3000).toISOString(),
      });
      return waitFor(
        async () => {
          const { replay: current } = await tracking.client.call('getWebhookReplay', {
            subscriptionId: subscription?.id as string,
            replayId: started.replay?.id as string,
          });
          return current?.status === 'completed' ? current : undefined;
        },
        { timeoutMs: 20_000, message: 'replay completed' },
      );
    });
    const inRange = events.filter(
      (e) =>
        e.tenantId === 'acme' &&
        (e.type.startsWith('fulfillment.') || e.type === 'tracking.shipment.scanned.v1') &&
        Date.parse(e.occurredAt) >= T0 + 1000 &&
        Date.parse(e.occurredAt) <= T0 + 3000,
    );
    expect(inRange.length).toBeGreaterThan(4);
    expect(replay.eventsEnqueued).toBe(inRange.length);
    const queued = await tracking.service.app
      .get(DataSource)
      .query(`SELECT event_id FROM webhook_deliveries WHERE replay_id = $1 ORDER BY event_id`, [replay.id]);
    expect(queued.map((row: { event_id: string }) => row.event_id)).toEqual(inRange.map((e) => e.id).sort());
  });
});
