import {
  AckPolicy,
  DeliverPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  ReplayPolicy,
  jetstream,
  jetstreamManager,
  type JetStreamManager,
} from '@nats-io/jetstream';
import { connect, nanos } from '@nats-io/transport-node';
import { EVENT_TYPES, producerOf, type EventEnvelope } from '@baton/domain';
import { JetStreamNaming } from '@baton/messaging';
import { type EventRange, type EventSource, inRange } from './event-source';

const BATCH = 256;
const FETCH_EXPIRES_MS = 5000;

export interface JetStreamEventSourceOptions {
  servers: string;
  streamPrefix: string;
  /** Producers whose streams are read (default: every producer of the catalogue). */
  producers?: string[];
}

/**
 * Reads the producers' JetStream streams again, from the first message stored at or after `from`
 * (a message is stored after its event occurred, so none in range is missed) up to the last
 * message present when the read began. Uses a temporary consumer without acks per stream, so the
 * services' durable consumers are not disturbed.
 */
export class JetStreamEventSource implements EventSource {
  readonly name = 'jetstream' as const;
  private readonly naming: JetStreamNaming;
  private readonly producers: string[];

  constructor(private readonly options: JetStreamEventSourceOptions) {
    this.naming = new JetStreamNaming(options.streamPrefix);
    this.producers = options.producers ?? [...new Set(EVENT_TYPES.map((type) => producerOf(type)))];
  }

  async read(range: EventRange, handle: (batch: EventEnvelope[]) => Promise<void>): Promise<number> {
    const nc = await connect({ servers: this.options.servers, name: 'tracking-event-source' });
    try {
      const js = jetstream(nc);
      const jsm = await jetstreamManager(nc);
      let handed = 0;
      for (const producer of this.producers) {
        handed += await this.readStream(jsm, js, this.naming.streamOf(producer), range, handle);
      }
      return handed;
    } finally {
      await nc.drain().catch(() => undefined);
    }
  }

  private async readStream(
    jsm: JetStreamManager,
    js: ReturnType<typeof jetstream>,
    stream: string,
    range: EventRange,
    handle: (batch: EventEnvelope[]) => Promise<void>,
  ): Promise<number> {
    let lastSeq: number;
    try {
      const info = await jsm.streams.info(stream);
      if (info.state.messages === 0) return 0;
      lastSeq = info.state.last_seq;
    } catch (error) {
      if (error instanceof JetStreamApiError && error.code === JetStreamApiCodes.StreamNotFound) return 0;
      throw error;
    }
    const fromStart = range.from.getTime() <= 0;
    const created = await jsm.consumers.add(stream, {
      ack_policy: AckPolicy.None,
      replay_policy: ReplayPolicy.Instant,
      inactive_threshold: nanos(60_000),
      ...(fromStart
        ? { deliver_policy: DeliverPolicy.All }
        : { deliver_policy: DeliverPolicy.StartTime, opt_start_time: range.from.toISOString() }),
    });
    const consumer = await js.consumers.get(stream, created.name);
    // Messages stored from the start position when the consumer was made; asking for no more than
    // are left lets each fetch end as soon as they arrived instead of waiting out its expiry.
    let left = created.num_pending;
    let handed = 0;
    try {
      while (left > 0) {
        const messages = await consumer.fetch({ max_messages: Math.min(BATCH, left), expires: FETCH_EXPIRES_MS });
        const batch: EventEnvelope[] = [];
        let received = 0;
        let reachedEnd = false;
        for await (const message of messages) {
          received += 1;
          if (message.seq >= lastSeq) reachedEnd = true;
          if (message.seq > lastSeq) continue;
          const envelope = message.json<EventEnvelope>();
          if (inRange(envelope, range)) batch.push(envelope);
        }
        if (batch.length > 0) await handle(batch);
        handed += batch.length;
        left -= received;
        if (reachedEnd || received === 0) break;
      }
    } finally {
      await consumer.delete().catch(() => undefined);
    }
    return handed;
  }
}
