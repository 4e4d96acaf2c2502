import { Logger } from '@nestjs/common';
import type { ConsumerMessages, JetStreamClient, JetStreamManager, JsMsg } from '@nats-io/jetstream';
import { headers } from '@nats-io/transport-node';
import type { EventEnvelope } from '@baton/domain';
import type { ServiceMetrics } from '@baton/platform';
import type { EventSubscription } from '../bus/event-bus';
import { backoffDelay, type BackoffPolicy } from '../retry/backoff';
import type { JetStreamNaming } from './jetstream-naming';

/** What a subscriber needs from the bus that owns it. */
export interface JetStreamSubscriberContext {
  js: JetStreamClient;
  jsm: JetStreamManager;
  naming: JetStreamNaming;
  metrics?: ServiceMetrics;
  ackWaitMs: number;
  redelivery: BackoffPolicy;
  /** Messages pulled ahead of handling; kept small so none waits out its ack deadline in the buffer. */
  prefetch: number;
}

/** Headers a parked message carries besides the original ones. */
export const PARKED_HEADERS = {
  reason: 'x-parked-reason',
  consumer: 'x-parked-consumer',
  stream: 'x-parked-stream',
  streamSequence: 'x-parked-stream-seq',
  deliveries: 'x-parked-deliveries',
} as const;

const MAX_REASON_LENGTH = 500;

/**
 * Feeds one durable consumer (one consuming service × one producer's stream) to a subscription, one
 * message at a time so events of a stream are handled in stream order. A failed message is NAKed
 * with a growing delay; after `maxDeliver` attempts it is parked and terminated, so one poison
 * message cannot block or loop forever.
 */
export class JetStreamSubscriber {
  private readonly logger = new Logger(JetStreamSubscriber.name);
  private messages?: ConsumerMessages;
  private loop: Promise<void> = Promise.resolve();

  constructor(
    private readonly context: JetStreamSubscriberContext,
    readonly stream: string,
    private readonly subscription: EventSubscription,
    private readonly maxDeliver: number,
  ) {}

  get consumer(): string {
    return this.subscription.consumer;
  }

  async start(): Promise<void> {
    const consumer = await this.context.js.consumers.get(this.stream, this.consumer);
    this.messages = await consumer.consume({ max_messages: this.context.prefetch });
    const messages = this.messages;
    this.loop = (async () => {
      try {
        for await (const msg of messages) await this.process(msg);
      } catch (error) {
        this.logger.error(`Consumer ${this.consumer} on ${this.stream} stopped: ${describeError(error)}`);
      }
    })();
  }

  /** Stops pulling and waits for the message being handled; unhandled buffered ones are redelivered. */
  async stop(): Promise<void> {
    const messages = this.messages;
    this.messages = undefined;
    if (messages) await messages.close();
    await this.loop;
  }

  /** Events in the stream this consumer has not finished: not yet delivered plus awaiting an ack. */
  async lag(): Promise<number> {
    const info = await this.context.jsm.consumers.info(this.stream, this.consumer);
    return info.num_pending + info.num_ack_pending;
  }

  private async process(msg: JsMsg): Promise<void> {
    let envelope: EventEnvelope;
    try {
      envelope = parseEnvelope(msg);
    } catch (error) {
      await this.park(msg, 'unknown', `malformed event: ${describeError(error)}`);
      return;
    }
    if (!this.subscription.types.includes(envelope.type)) {
      msg.ack();
      return;
    }
    const deliveries = msg.info.deliveryCount;
    if (deliveries > this.maxDeliver) {
      await this.park(msg, envelope.type, `no result after ${deliveries - 1} deliveries`);
      return;
    }
    const keepAlive = setInterval(() => msg.working(), Math.max(1000, this.context.ackWaitMs / 2));
    try {
      await this.subscription.handle(envelope);
      msg.ack();
    } catch (error) {
      if (deliveries >= this.maxDeliver) {
        await this.park(msg, envelope.type, describeError(error));
      } else {
        msg.nak(backoffDelay(deliveries, this.context.redelivery));
      }
    } finally {
      clearInterval(keepAlive);
    }
  }

  private async park(msg: JsMsg, type: string, reason: string): Promise<void> {
    const parkedHeaders = headers();
    for (const [key, values] of msg.headers ?? []) {
      if (key.toLowerCase() === 'nats-msg-id') continue;
      for (const value of values) parkedHeaders.append(key, value);
    }
    parkedHeaders.set(PARKED_HEADERS.reason, reason.replace(/[\r\n]+/g, ' ').slice(0, MAX_REASON_LENGTH));
    parkedHeaders.set(PARKED_HEADERS.consumer, this.consumer);
    parkedHeaders.set(PARKED_HEADERS.stream, this.stream);
    parkedHeaders.set(PARKED_HEADERS.streamSequence, String(msg.seq));
    parkedHeaders.set(PARKED_HEADERS.deliveries, String(msg.info.deliveryCount));
    try {
      await this.context.js.publish(this.context.naming.parkedSubjectOf(this.consumer, type), msg.data, {
        msgID: `${this.consumer}:${this.stream}:${msg.seq}`,
        headers: parkedHeaders,
      });
    } catch (error) {
      this.logger.error(`Could not park message ${msg.seq} of ${this.stream}: ${describeError(error)}`);
      msg.nak(backoffDelay(msg.info.deliveryCount, this.context.redelivery));
      return;
    }
    msg.term();
    this.context.metrics?.eventsHandled.inc({ consumer: this.consumer, type, outcome: 'parked' });
    this.logger.error(`Parked message ${msg.seq} of ${this.stream} for ${this.consumer} (${type}): ${reason}`);
  }
}

function parseEnvelope(msg: JsMsg): EventEnvelope {
  const envelope = msg.json<Partial<EventEnvelope> | null>();
  if (!envelope || typeof envelope.id !== 'string' || typeof envelope.type !== 'string') {
    throw new Error('missing id or type');
  }
  if (typeof envelope.tenantId !== 'string' || envelope.tenantId === '') {
    throw new Error('missing tenantId');
  }
  return envelope as EventEnvelope;
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
