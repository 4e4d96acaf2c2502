import type { DataSource } from 'typeorm';
import { createTestDatabase, dropTestDatabase, waitFor, withTenant } from '@baton/testing';
import {
  EventConsumers,
  InProcessEventBus,
  Inbox,
  Outbox,
  OutboxRelay,
  createEvent,
  type MessagingOptions,
} from '../src';
import { appliedEffects, handledCount, openDataSource, outboxRows, recordEffect, testMetrics } from './messaging-test-kit';

const TYPE = 'inventory.stock.changed.v1';

/**
 * The embedded mode end to end: producer outbox → relay → in-process bus → two consuming services,
 * each with its own database and inbox. One consumer fails for a while.
 */
describe('in-process delivery through outbox and inbox', () => {
  const databases: string[] = [];
  const dataSources: DataSource[] = [];
  let relay: OutboxRelay | undefined;

  async function database(prefix: string): Promise<DataSource> {
    const url = await createTestDatabase(prefix);
    databases.push(url);
    const dataSource = await openDataSource(url);
    dataSources.push(dataSource);
    return dataSource;
  }

  afterEach(async () => {
    await relay?.stop();
    await Promise.all(dataSources.splice(0).map((ds) => ds.destroy()));
    await Promise.all(databases.splice(0).map((url) => dropTestDatabase(url)));
  });

  it('keeps a failed event pending, redelivers it after recovery, and the healthy subscriber applies it once', async () => {
    const [producerDb, alphaDb, betaDb] = await Promise.all([
      database('messaging_producer'),
      database('messaging_alpha'),
      database('messaging_beta'),
    ]);
    const bus = new InProcessEventBus();
    const producerOutbox = new Outbox();
    relay = new OutboxRelay(producerDb, bus, producerOutbox, testMetrics('producer'), {
      pollIntervalMs: 30,
      retry: { initialMs: 20, maxMs: 80 },
    });

    const consumer = (name: string, dataSource: DataSource) => {
      const metrics = testMetrics(name);
      const options: MessagingOptions = { service: name, maxDeliver: 1000 };
      const consumers = new EventConsumers(new Inbox(dataSource, new Outbox()), bus, options, metrics);
      return { consumers, metrics };
    };
    const alpha = consumer('alpha', alphaDb);
    alpha.consumers.on(TYPE, recordEffect('alpha'));
    const beta = consumer('beta', betaDb);
    let betaDown = true;
    const applyInBeta = recordEffect('beta');
    beta.consumers.on(TYPE, async (envelope, manager) => {
      await applyInBeta(envelope, manager);
      if (betaDown) throw new Error('beta cannot reach its carrier');
    });
    await alpha.consumers.start();
    await beta.consumers.start();
    relay.start();

    const event = await withTenant('tenant-a', async () => {
      const created = createEvent(TYPE, { type: 'stock', id: 'SKU-1' }, {
        sku: 'SKU-1',
        locationId: 'loc-1',
        movementType: 'receipt',
        quantity: 3,
        onHand: 3,
        reserved: 0,
        available: 3,
        reference: 'po-1',
      });
      await producerDb.transaction((manager) => producerOutbox.append(manager, created));
      producerOutbox.notify();
      return created;
    });

    await waitFor(async () => (await outboxRows(producerDb))[0].attempts >= 3, { message: 'three relay attempts' });
    const [pending] = await outboxRows(producerDb);
    expect(pending.publishedAt).toBeNull();
    expect(pending.lastError).toContain('beta cannot reach its carrier');
    expect(await appliedEffects(betaDb)).toEqual([]);
    expect(await appliedEffects(alphaDb)).toHaveLength(1);

    betaDown = false;
    await waitFor(async () => (await outboxRows(producerDb))[0].publishedAt !== null, { message: 'published' });

    const alphaEffects = await appliedEffects(alphaDb);
    const betaEffects = await appliedEffects(betaDb);
    expect(alphaEffects).toEqual([
      { consumer: 'alpha', eventId: event.id, aggregateId: 'SKU-1', tenantId: 'tenant-a', causationId: event.id },
    ]);
    expect(betaEffects).toEqual([
      { consumer: 'beta', eventId: event.id, aggregateId: 'SKU-1', tenantId: 'tenant-a', causationId: event.id },
    ]);
    const alphaLabels = { consumer: 'alpha', type: TYPE };
    expect(await handledCount(alpha.metrics, { ...alphaLabels, outcome: 'applied' })).toBe(1);
    expect(await handledCount(alpha.metrics, { ...alphaLabels, outcome: 'duplicate' })).toBeGreaterThanOrEqual(3);
    const betaLabels = { consumer: 'beta', type: TYPE };
    expect(await handledCount(beta.metrics, { ...betaLabels, outcome: 'failed' })).toBeGreaterThanOrEqual(3);
    expect(await handledCount(beta.metrics, { ...betaLabels, outcome: 'applied' })).toBe(1);
  });
});
