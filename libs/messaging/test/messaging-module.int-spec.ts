import { Injectable, Module, type DynamicModule, type INestApplicationContext, type OnModuleInit } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { HealthChecks, PlatformModule, typeOrmOptions, type ServiceConfig } from '@baton/platform';
import {
  createTestDatabase,
  describeWithNats,
  dropTestDatabase,
  testNatsUrl,
  waitFor,
  withTenant,
} from '@baton/testing';
import {
  EVENT_BUS,
  EventConsumers,
  InProcessEventBus,
  JetStreamEventBus,
  MessagingModule,
  MessagingTables1732700000000,
  Outbox,
  createEvent,
  messagingEntities,
  type EventBus,
} from '../src';
import {
  TestTables1732700000001,
  appliedEffects,
  deletePrefixedStreams,
  recordEffect,
  testMetrics,
  uniqueStreamPrefix,
} from './messaging-test-kit';

const SERVICE = 'modtest';
const TYPE = 'inventory.stock.changed.v1';

@Injectable()
class StockEffects implements OnModuleInit {
  constructor(private readonly consumers: EventConsumers) {}

  onModuleInit(): void {
    this.consumers.on(TYPE, recordEffect(SERVICE));
  }
}

@Module({ providers: [StockEffects] })
class StockEffectsModule {}

@Module({})
class TestServiceModule {
  static forRoot(config: ServiceConfig, bus?: EventBus): DynamicModule {
    return {
      module: TestServiceModule,
      imports: [
        PlatformModule.forService({ config, metrics: testMetrics(SERVICE) }),
        TypeOrmModule.forRoot(
          typeOrmOptions({
            databaseUrl: config.databaseUrl,
            entities: messagingEntities,
            migrations: [MessagingTables1732700000000, TestTables1732700000001],
            service: SERVICE,
          }),
        ),
        MessagingModule.forService({ service: SERVICE, bus, relay: { pollIntervalMs: 50 } }),
        StockEffectsModule,
      ],
    };
  }
}

function serviceConfig(databaseUrl: string): ServiceConfig {
  return {
    service: SERVICE,
    databaseUrl,
    natsStreamPrefix: 'BATON',
    httpHost: '127.0.0.1',
    httpPort: 0,
    grpcUrl: '127.0.0.1:0',
    logLevel: 'error',
    grpcTimeoutMs: 5000,
    shutdownTimeoutMs: 10_000,
    peers: {},
  };
}

/** Raises an event through the service's Outbox in a transaction, as a service method would. */
async function raiseEvent(app: INestApplicationContext): Promise<string> {
  const outbox = app.get(Outbox);
  return withTenant('tenant-m', async () => {
    const event = createEvent(TYPE, { type: 'stock', id: 'SKU-M' }, {
      sku: 'SKU-M',
      locationId: 'loc-1',
      movementType: 'adjustment',
      quantity: 2,
      onHand: 2,
      reserved: 0,
      available: 2,
      reference: 'count-1',
    });
    await app.get(DataSource).transaction((manager) => outbox.append(manager, event));
    outbox.notify();
    return event.id;
  });
}

describe(MessagingModule.name, () => {
  let databaseUrl: string;

  beforeEach(async () => {
    databaseUrl = await createTestDatabase('messaging_module');
  });

  afterEach(async () => {
    await dropTestDatabase(databaseUrl);
  });

  it('wires outbox, relay and consumers on the in-process bus, and leaves the shared bus open on shutdown', async () => {
    const bus = new InProcessEventBus();
    const app = await NestFactory.createApplicationContext(TestServiceModule.forRoot(serviceConfig(databaseUrl), bus), {
      logger: false,
    });
    let closed = false;
    try {
      expect(app.get(EVENT_BUS)).toBe(bus);
      expect(app.get(HealthChecks).list().map((check) => check.name)).toContain('event-bus');

      const eventId = await raiseEvent(app);
      const dataSource = app.get(DataSource);
      await waitFor(async () => (await appliedEffects(dataSource)).length === 1, { message: 'event applied' });
      expect((await appliedEffects(dataSource))[0]).toMatchObject({ eventId, tenantId: 'tenant-m', causationId: eventId });

      await app.close();
      closed = true;
      await expect(bus.healthCheck().check()).resolves.toBeUndefined();
      await expect(
        bus.subscribe({ consumer: SERVICE, types: [TYPE], handle: async () => undefined }),
      ).resolves.toBeUndefined();
    } finally {
      if (!closed) await app.close();
    }
  });

  describeWithNats('over JetStream', () => {
    it('creates the JetStream bus from NATS_URL, consumes its own events through NATS and drains the bus on shutdown', async () => {
      const streamPrefix = uniqueStreamPrefix();
      const natsUrl = testNatsUrl() as string;
      const app = await NestFactory.createApplicationContext(
        TestServiceModule.forRoot({ ...serviceConfig(databaseUrl), natsUrl, natsStreamPrefix: streamPrefix }),
        { logger: false },
      );
      const bus = app.get<EventBus>(EVENT_BUS);
      let closed = false;
      try {
        expect(bus).toBeInstanceOf(JetStreamEventBus);
        expect((bus as JetStreamEventBus).naming.streamPrefix).toBe(streamPrefix);
        expect(app.get(HealthChecks).list().map((check) => check.name)).toContain('nats');
        await raiseEvent(app);
        const dataSource = app.get(DataSource);
        await waitFor(async () => (await appliedEffects(dataSource)).length === 1, { message: 'event applied' });

        await app.close();
        closed = true;
        await expect(bus.healthCheck().check()).rejects.toThrow(/closed/);
      } finally {
        if (!closed) await app.close();
        await deletePrefixedStreams(natsUrl, streamPrefix);
      }
    });
  });
});
