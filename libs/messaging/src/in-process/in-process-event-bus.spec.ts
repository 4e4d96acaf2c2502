import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@baton/domain';
import type { EventSubscription } from '../bus/event-bus';
import { InProcessEventBus } from './in-process-event-bus';

function envelope(type: EventEnvelope['type'] = 'inventory.stock.changed.v1'): EventEnvelope {
  return {
    id: randomUUID(),
    type,
    version: 1,
    tenantId: 'tenant-a',
    aggregateType: 'stock',
    aggregateId: 'SKU-1',
    occurredAt: new Date().toISOString(),
    correlationId: 'corr',
    causationId: null,
    data: {
      sku: 'SKU-1',
      locationId: 'loc',
      movementType: 'receipt',
      quantity: 1,
      onHand: 1,
      reserved: 0,
      available: 1,
      reference: 'r',
    },
  } as EventEnvelope;
}

function recorder(consumer: string, types: EventSubscription['types'], fail: () => boolean = () => false) {
  const handled: string[] = [];
  const subscription: EventSubscription = {
    consumer,
    types,
    handle: async (event) => {
      await new Promise((resolve) => setImmediate(resolve));
      if (fail()) throw new Error(`${consumer} is down`);
      handled.push(event.id);
    },
  };
  return { subscription, handled };
}

describe(InProcessEventBus.name, () => {
  it('settles a publish only after every matching subscriber handled the event', async () => {
    const bus = new InProcessEventBus();
    const a = recorder('a', ['inventory.stock.changed.v1']);
    const b = recorder('b', ['inventory.stock.changed.v1', 'orders.order.placed.v1']);
    const other = recorder('c', ['orders.order.placed.v1']);
    await Promise.all([a, b, other].map((r) => bus.subscribe(r.subscription)));

    const event = envelope();
    await bus.publish(event);

    expect(a.handled).toEqual([event.id]);
    expect(b.handled).toEqual([event.id]);
    expect(other.handled).toEqual([]);
  });

  it('rejects when a subscriber fails, after the others have handled the event', async () => {
    const bus = new InProcessEventBus();
    const healthy = recorder('healthy', ['inventory.stock.changed.v1']);
    const broken = recorder('broken', ['inventory.stock.changed.v1'], () => true);
    await bus.subscribe(healthy.subscription);
    await bus.subscribe(broken.subscription);

    const event = envelope();
    const failure = await bus.publish(event).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(AggregateError);
    expect((failure as AggregateError).errors.map((e: Error) => e.message)).toEqual(['broken is down']);
    expect(healthy.handled).toEqual([event.id]);
  });

  it('parks an event after maxDeliver failed attempts so it no longer blocks the publisher', async () => {
    const bus = new InProcessEventBus();
    const broken = recorder('broken', ['inventory.stock.changed.v1'], () => true);
    await bus.subscribe({ ...broken.subscription, maxDeliver: 3 });

    const event = envelope();
    await expect(bus.publish(event)).rejects.toThrow(AggregateError);
    await expect(bus.publish(event)).rejects.toThrow(AggregateError);
    await expect(bus.publish(event)).resolves.toBeUndefined();

    expect(bus.parked()).toEqual([
      expect.objectContaining({ consumer: 'broken', envelope: event, reason: 'broken is down' }),
    ]);
  });

  it('forgets earlier failures once the subscriber succeeds', async () => {
    const bus = new InProcessEventBus();
    let failing = true;
    const flaky = recorder('flaky', ['inventory.stock.changed.v1'], () => failing);
    await bus.subscribe({ ...flaky.subscription, maxDeliver: 2 });

    const event = envelope();
    await expect(bus.publish(event)).rejects.toThrow(AggregateError);
    failing = false;
    await bus.publish(event);
    failing = true;
    await expect(bus.publish(event)).rejects.toThrow(AggregateError);

    expect(bus.parked()).toEqual([]);
    expect(flaky.handled).toEqual([event.id]);
  });

  it('holds publishes until released', async () => {
    const bus = new InProcessEventBus();
    bus.hold();
    const late = recorder('late', ['inventory.stock.changed.v1']);
    const event = envelope();
    let settled = false;
    const publishing = bus.publish(event).then(() => (settled = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);

    await bus.subscribe(late.subscription);
    bus.release();
    await publishing;

    expect(late.handled).toEqual([event.id]);
  });

  it('refuses a second subscription under the same consumer name', async () => {
    const bus = new InProcessEventBus();
    await bus.subscribe(recorder('svc', ['inventory.stock.changed.v1']).subscription);
    await expect(bus.subscribe(recorder('svc', ['orders.order.placed.v1']).subscription)).rejects.toThrow(
      /already subscribed/,
    );
  });

  it('removes only the unsubscribed consumer', async () => {
    const bus = new InProcessEventBus();
    const stays = recorder('stays', ['inventory.stock.changed.v1']);
    const leaves = recorder('leaves', ['inventory.stock.changed.v1']);
    await bus.subscribe(stays.subscription);
    await bus.subscribe(leaves.subscription);

    await bus.unsubscribe('leaves');
    const event = envelope();
    await bus.publish(event);

    expect(stays.handled).toEqual([event.id]);
    expect(leaves.handled).toEqual([]);
  });

  it('is unhealthy and refuses work once closed', async () => {
    const bus = new InProcessEventBus();
    await expect(bus.healthCheck().check()).resolves.toBeUndefined();
    await bus.close();
    await expect(bus.healthCheck().check()).rejects.toThrow(/closed/);
    await expect(bus.publish(envelope())).rejects.toThrow(/closed/);
  });

  it('shares one bus per process, replaced once closed', async () => {
    const shared = InProcessEventBus.shared();
    expect(InProcessEventBus.shared()).toBe(shared);
    await shared.close();
    expect(InProcessEventBus.shared()).not.toBe(shared);
  });
});
