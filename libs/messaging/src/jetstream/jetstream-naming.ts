const PREFIX = /^[A-Z][A-Z0-9_]{0,31}$/;
const TOKEN = /^[A-Za-z0-9_-]+$/;

/** The stream prefix of a production installation, whose subjects carry no prefix. */
export const DEFAULT_STREAM_PREFIX = 'BATON';

/** Which subjects a durable consumer on one producer's stream asks for. */
export interface ConsumerFilter {
  filter_subject?: string;
  filter_subjects?: string[];
}

/**
 * Names of streams, subjects and durable consumers. One stream per producing service
 * (`BATON_ORDERS` holding `orders.>`) and the parked stream `BATON_PARKED` (`parked.>`). Another
 * stream prefix (a second installation on the same NATS, an e2e run, a test) also prefixes the
 * subjects, because two streams cannot capture the same subjects: `E2E1_ORDERS` holds
 * `E2E1.orders.>`.
 */
export class JetStreamNaming {
  constructor(readonly streamPrefix: string = DEFAULT_STREAM_PREFIX) {
    if (!PREFIX.test(streamPrefix)) {
      throw new Error(`JetStream stream prefix "${streamPrefix}" must be upper-case letters, digits and "_"`);
    }
  }

  /** Stream of a producing service. */
  streamOf(producer: string): string {
    assertToken('producer', producer);
    return `${this.streamPrefix}_${producer.toUpperCase()}`;
  }

  /** The subject an event type is published on. */
  subjectOf(type: string): string {
    return this.streamPrefix === DEFAULT_STREAM_PREFIX ? type : `${this.streamPrefix}.${type}`;
  }

  /** The subjects a producer's stream captures. */
  streamSubjectsOf(producer: string): string {
    assertToken('producer', producer);
    return this.subjectOf(`${producer}.>`);
  }

  get parkedStream(): string {
    return this.streamOf('parked');
  }

  get parkedSubjects(): string {
    return this.subjectOf('parked.>');
  }

  /** Where a consumer's poison message of `type` is parked. */
  parkedSubjectOf(consumer: string, type: string): string {
    assertToken('consumer', consumer);
    return this.subjectOf(`parked.${consumer}.${type}`);
  }

  /**
   * The consumer filter for `types`, all from `producer`. Servers before 2.10 know only one filter
   * subject; with several types there the consumer takes the whole stream and skips the others.
   */
  consumerFilterOf(producer: string, types: readonly string[], multipleFilters: boolean): ConsumerFilter {
    const subjects = [...new Set(types)].sort().map((type) => this.subjectOf(type));
    if (subjects.length === 1) return { filter_subject: subjects[0], filter_subjects: undefined };
    if (multipleFilters) return { filter_subject: undefined, filter_subjects: subjects };
    return { filter_subject: this.streamSubjectsOf(producer), filter_subjects: undefined };
  }

  /** Validates a durable consumer name (the consuming service). */
  durableOf(consumer: string): string {
    assertToken('consumer', consumer);
    return consumer;
  }
}

/** Whether a nats-server of `version` accepts `filter_subjects` (2.10 and later). */
export function supportsMultipleFilters(version: string | undefined): boolean {
  const match = /^v?(\d+)\.(\d+)/.exec(version ?? '');
  if (!match) return false;
  const [major, minor] = [Number(match[1]), Number(match[2])];
  return major > 2 || (major === 2 && minor >= 10);
}

function assertToken(what: string, value: string): void {
  if (!TOKEN.test(value)) {
    throw new Error(`JetStream ${what} name "${value}" may only contain letters, digits, "_" and "-"`);
  }
}
