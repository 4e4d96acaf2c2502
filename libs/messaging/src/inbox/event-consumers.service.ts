import { Inject, Injectable } from '@nestjs/common';
import type { EventEnvelope, EventType } from '@baton/domain';
import { SERVICE_METRICS, type ServiceMetrics } from '@baton/platform';
import { DEFAULT_MAX_DELIVER, supportsUnsubscribe, type EventBus, type EventSubscription } from '../bus/event-bus';
import type { MessagingOptions } from '../messaging-options';
import { EVENT_BUS, MESSAGING_OPTIONS } from '../messaging.tokens';
import type { EventHandler } from './event-handler';
import { Inbox } from './inbox.service';

/**
 * The service's event handlers. Modules register them with {@link on} in `onModuleInit`; at
 * application bootstrap the messaging module subscribes once, under the service's name, for every
 * registered type. Each delivery goes through the {@link Inbox}, so a handler sees an event once.
 */
@Injectable()
export class EventConsumers {
  private readonly handlers = new Map<EventType, EventHandler>();
  private subscribed = false;

  constructor(
    private readonly inbox: Inbox,
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @Inject(SERVICE_METRICS) private readonly metrics: ServiceMetrics,
  ) {}

  get consumer(): string {
    return this.options.service;
  }

  /** Registers the handler of `type` (one per type and service). */
  on<T extends EventType>(type: T, handler: EventHandler<T>): void {
    if (this.subscribed) {
      throw new Error(`Handler for ${type} registered after ${this.consumer} subscribed; register in onModuleInit`);
    }
    if (this.handlers.has(type)) throw new Error(`${this.consumer} already has a handler for ${type}`);
    this.handlers.set(type, (envelope, manager) => handler(envelope as EventEnvelope<T>, manager));
  }

  /** The registered types. */
  types(): EventType[] {
    return [...this.handlers.keys()];
  }

  /** The subscription {@link start} hands to the bus: every registered type, dispatched through the inbox. */
  subscription(): EventSubscription {
    return {
      consumer: this.consumer,
      types: this.types(),
      maxDeliver: this.options.maxDeliver ?? DEFAULT_MAX_DELIVER,
      handle: (envelope) => this.dispatch(envelope),
    };
  }

  /** Subscribes on the bus (once; nothing to do without handlers). */
  async start(): Promise<void> {
    if (this.subscribed || this.handlers.size === 0) return;
    this.subscribed = true;
    try {
      await this.bus.subscribe(this.subscription());
    } catch (error) {
      this.subscribed = false;
      throw error;
    }
  }

  /** Ends this service's subscription (first step of shutdown: take no new events). */
  async stop(): Promise<void> {
    if (!this.subscribed) return;
    this.subscribed = false;
    if (supportsUnsubscribe(this.bus)) await this.bus.unsubscribe(this.consumer);
  }

  private async dispatch(envelope: EventEnvelope): Promise<void> {
    const handler = this.handlers.get(envelope.type);
    if (!handler) return;
    const labels = { consumer: this.consumer, type: envelope.type };
    try {
      const outcome = await this.inbox.handleOnce(this.consumer, envelope, handler);
      this.metrics.eventsHandled.inc({ ...labels, outcome });
    } catch (error) {
      this.metrics.eventsHandled.inc({ ...labels, outcome: 'failed' });
      throw error;
    }
  }
}
