import { Logger } from '@nestjs/common';
import {
  AckPolicy,
  DeliverPolicy,
  DiscardPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  ReplayPolicy,
  RetentionPolicy,
  StorageType,
  jetstream,
  jetstreamManager,
  type ConsumerConfig,
  type JetStreamClient,
  type JetStreamManager,
} from '@nats-io/jetstream';
import { connect, headers, nanos, type NatsConnection } from '@nats-io/transport-node';
import { producerOf, type EventEnvelope } from '@baton/domain';
import { CONTEXT_HEADERS, type HealthCheck, type ServiceMetrics } from '@baton/platform';
import { DEFAULT_MAX_DELIVER, type EventBus, type EventSubscription } from '../bus/event-bus';
import type { BackoffPolicy } from '../retry/backoff';
import { JetStreamNaming, supportsMultipleFilters } from './jetstream-naming';
import { JetStreamSubscriber } from './jetstream-subscriber';

export interface JetStreamEventBusOptions {
  /** NATS server URL(s). */
  servers: string | string[];
  /** Connection name shown by the server (e.g. the service name). */
  connectionName?: string;
  /** Stream name prefix (default `BATON`); another prefix also prefixes subjects, isolating installations and tests. */
  streamPrefix?: string;
  /** Where consumer lag and parked events are recorded. */
  metrics?: ServiceMetrics;
  /** Window in which a repeated event id is dropped by the stream (default 2 minutes). */
  duplicateWindowMs?: number;
  /** How long a delivered message may stay unacknowledged before it is redelivered (default 30 s). */
  ackWaitMs?: number;
  /** Delay before a failed message is delivered again, growing per attempt (default 1 s … 60 s). */
  redelivery?: BackoffPolicy;
  /** How often consumer lag is measured (default 5 s). */
  lagIntervalMs?: number;
  /** Time to wait for the stream's acknowledgement of a publish (default 5 s). */
  publishTimeoutMs?: number;
  /** Messages pulled ahead per consumer (default 16). */
  prefetch?: number;
}

interface Connected {
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
}

const HEALTH_TIMEOUT_MS = 2000;

/**
 * The event bus over NATS JetStream, for the distributed deployment. One stream per producing service
 * keeps each producer's events in order and lets a service that was down catch up from its durable
 * consumer. Publishing sets `Nats-Msg-Id` to the event id, so the relay's retries are dropped inside
 * the duplicate window; consumers deduplicate the rest with their inbox.
 */
export class JetStreamEventBus implements EventBus {
  readonly naming: JetStreamNaming;
  private readonly logger = new Logger(JetStreamEventBus.name);
  private readonly settings: Required<Omit<JetStreamEventBusOptions, 'streamPrefix' | 'metrics' | 'connectionName'>>;
  private connection?: Promise<Connected>;
  private readonly streams = new Map<string, Promise<void>>();
  private subscribers: JetStreamSubscriber[] = [];
  private lagTimer?: NodeJS.Timeout;
  private closed = false;

  constructor(private readonly options: JetStreamEventBusOptions) {
    this.naming = new JetStreamNaming(options.streamPrefix);
    this.settings = {
      servers: options.servers,
      duplicateWindowMs: options.duplicateWindowMs ?? 120_000,
      ackWaitMs: options.ackWaitMs ?? 30_000,
      redelivery: options.redelivery ?? { initialMs: 1000, maxMs: 60_000 },
      lagIntervalMs: options.lagIntervalMs ?? 5000,
      publishTimeoutMs: options.publishTimeoutMs ?? 5000,
      prefetch: options.prefetch ?? 16,
    };
  }

  async publish(envelope: EventEnvelope): Promise<void> {
    const { js } = await this.connected();
    const producer = producerOf(envelope.type);
    const stream = this.naming.streamOf(producer);
    await this.ensureStream(stream, this.naming.streamSubjectsOf(producer));
    const messageHeaders = headers();
    messageHeaders.set(CONTEXT_HEADERS.correlationId, envelope.correlationId);
    messageHeaders.set(CONTEXT_HEADERS.tenantId, envelope.tenantId);
    if (envelope.causationId) messageHeaders.set(CONTEXT_HEADERS.causationId, envelope.causationId);
    try {
      await js.publish(this.naming.subjectOf(envelope.type), JSON.stringify(envelope), {
        msgID: envelope.id,
        headers: messageHeaders,
        timeout: this.settings.publishTimeoutMs,
      });
    } catch (error) {
      this.streams.delete(stream);
      throw error;
    }
  }

  /**
   * Creates or updates the durable consumer `subscription.consumer` on every producer stream the
   * subscription needs and starts consuming. Replicas of a service subscribing under the same name
   * share the messages.
   */
  async subscribe(subscription: EventSubscription): Promise<void> {
    this.assertOpen();
    const durable = this.naming.durableOf(subscription.consumer);
    if (this.subscribers.some((subscriber) => subscriber.consumer === durable)) {
      throw new Error(`Consumer "${durable}" is already subscribed on this bus`);
    }
    if (subscription.types.length === 0) return;
    const maxDeliver = subscription.maxDeliver ?? DEFAULT_MAX_DELIVER;
    if (!Number.isInteger(maxDeliver) || maxDeliver < 1) throw new Error(`maxDeliver must be ≥ 1, got ${maxDeliver}`);
    const { nc, js, jsm } = await this.connected();
    await this.ensureStream(this.naming.parkedStream, this.naming.parkedSubjects);
    const byProducer = new Map<string, string[]>();
    for (const type of subscription.types) {
      byProducer.set(producerOf(type), [...(byProducer.get(producerOf(type)) ?? []), type]);
    }
    const multipleFilters = supportsMultipleFilters(nc.info?.version);
    const started: JetStreamSubscriber[] = [];
    try {
      for (const [producer, types] of byProducer) {
        const stream = this.naming.streamOf(producer);
        await this.ensureStream(stream, this.naming.streamSubjectsOf(producer));
        await this.ensureConsumer(jsm, stream, durable, {
          ...this.naming.consumerFilterOf(producer, types, multipleFilters),
          ack_wait: nanos(this.settings.ackWaitMs),
          // One delivery beyond maxDeliver lets a message whose last attempt crashed still be parked.
          // Redelivery backoff is the subscriber's NAK delay, not the consumer's `backoff` list:
          // nats-server 2.9 lets that list override NAK delays from the second redelivery on.
          max_deliver: maxDeliver + 1,
        });
        const subscriber = new JetStreamSubscriber(
          { js, jsm, naming: this.naming, metrics: this.options.metrics, ...this.settings },
          stream,
          subscription,
          maxDeliver,
        );
        await subscriber.start();
        started.push(subscriber);
        this.subscribers.push(subscriber);
      }
    } catch (error) {
      await Promise.allSettled(started.map((subscriber) => subscriber.stop()));
      this.subscribers = this.subscribers.filter((subscriber) => !started.includes(subscriber));
      throw error;
    }
    this.startLagTimer();
  }

  /** Stops this consumer's subscribers only (the connection stays open for others). */
  async unsubscribe(consumer: string): Promise<void> {
    const stopping = this.subscribers.filter((subscriber) => subscriber.consumer === consumer);
    this.subscribers = this.subscribers.filter((subscriber) => subscriber.consumer !== consumer);
    await Promise.all(stopping.map((subscriber) => subscriber.stop()));
  }

  /** Measures every consumer's lag into `consumerLag{consumer,stream}`. */
  async refreshLag(): Promise<void> {
    const metrics = this.options.metrics;
    await Promise.all(
      this.subscribers.map(async (subscriber) => {
        try {
          const lag = await subscriber.lag();
          metrics?.consumerLag.set({ consumer: subscriber.consumer, stream: subscriber.stream }, lag);
        } catch (error) {
          this.logger.warn(`Could not read the lag of ${subscriber.consumer} on ${subscriber.stream}: ${error}`);
        }
      }),
    );
  }

  /** Stops the consumers (each finishes the event in hand), then drains the connection. Idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.lagTimer);
    const subscribers = this.subscribers;
    this.subscribers = [];
    await Promise.all(subscribers.map((subscriber) => subscriber.stop()));
    const connection = await this.connection?.catch(() => undefined);
    if (connection && !connection.nc.isClosed()) await connection.nc.drain();
  }

  healthCheck(): HealthCheck {
    return {
      name: 'nats',
      check: async () => {
        this.assertOpen();
        const { jsm } = await this.connected();
        let timer: NodeJS.Timeout | undefined;
        try {
          await Promise.race([
            jsm.getAccountInfo(),
            new Promise((_, reject) => {
              timer = setTimeout(() => reject(new Error('JetStream did not answer in time')), HEALTH_TIMEOUT_MS);
            }),
          ]);
        } finally {
          clearTimeout(timer);
        }
      },
    };
  }

  private connected(): Promise<Connected> {
    this.assertOpen();
    if (!this.connection) {
      this.connection = (async () => {
        const nc = await connect({
          servers: this.settings.servers,
          name: this.options.connectionName,
          maxReconnectAttempts: -1,
        });
        return { nc, js: jetstream(nc), jsm: await jetstreamManager(nc) };
      })();
      this.connection.catch(() => {
        this.connection = undefined;
      });
    }
    return this.connection;
  }

  private ensureStream(name: string, subjects: string): Promise<void> {
    let ensured = this.streams.get(name);
    if (!ensured) {
      ensured = this.createOrUpdateStream(name, subjects);
      this.streams.set(name, ensured);
      ensured.catch(() => this.streams.delete(name));
    }
    return ensured;
  }

  private async createOrUpdateStream(name: string, subjects: string): Promise<void> {
    const { jsm } = await this.connected();
    const config = {
      subjects: [subjects],
      duplicate_window: nanos(this.settings.duplicateWindowMs),
    };
    try {
      const info = await jsm.streams.info(name);
      const same =
        info.config.duplicate_window === config.duplicate_window &&
        info.config.subjects?.length === 1 &&
        info.config.subjects[0] === subjects;
      if (!same) await jsm.streams.update(name, { ...info.config, ...config });
    } catch (error) {
      if (!(error instanceof JetStreamApiError && error.code === JetStreamApiCodes.StreamNotFound)) throw error;
      await jsm.streams.add({
        name,
        ...config,
        storage: StorageType.File,
        retention: RetentionPolicy.Limits,
        discard: DiscardPolicy.Old,
      });
    }
  }

  private async ensureConsumer(
    jsm: JetStreamManager,
    stream: string,
    durable: string,
    config: Partial<ConsumerConfig>,
  ): Promise<void> {
    try {
      const info = await jsm.consumers.info(stream, durable);
      const current = info.config;
      const same =
        (current.filter_subject || undefined) === config.filter_subject &&
        JSON.stringify(current.filter_subjects?.length ? current.filter_subjects : undefined) ===
          JSON.stringify(config.filter_subjects) &&
        current.ack_wait === config.ack_wait &&
        current.max_deliver === config.max_deliver &&
        (current.backoff ?? []).length === 0;
      if (!same) await jsm.consumers.update(stream, durable, { ...config, backoff: undefined });
    } catch (error) {
      if (!(error instanceof JetStreamApiError && error.code === JetStreamApiCodes.ConsumerNotFound)) throw error;
      await jsm.consumers.add(stream, {
        ...config,
        durable_name: durable,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        replay_policy: ReplayPolicy.Instant,
      });
    }
  }

  private startLagTimer(): void {
    if (this.lagTimer || !this.options.metrics) return;
    this.lagTimer = setInterval(() => void this.refreshLag(), this.settings.lagIntervalMs);
    this.lagTimer.unref();
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The JetStream event bus is closed');
  }
}
