import { Logger } from '@nestjs/common';
import type { EventEnvelope } from '@baton/domain';
import type { HealthCheck } from '@baton/platform';
import { DEFAULT_MAX_DELIVER, type EventBus, type EventSubscription } from '../bus/event-bus';

/** An event a subscriber failed on `maxDeliver` times; it is no longer offered to that subscriber. */
export interface ParkedEvent {
  consumer: string;
  envelope: EventEnvelope;
  reason: string;
  parkedAt: string;
}

/**
 * The event bus of the embedded mode: every service in one process, no broker. `publish` settles only
 * after every matching subscriber handled the event and rejects if any failed, so the outbox row
 * stays pending and the relay retries it — delivery stays at least once, and each subscriber's inbox
 * drops the repeats for those that had already succeeded. A subscriber that fails `maxDeliver` times
 * on one event has it parked (logged, kept in {@link parked}) instead of blocking the outbox forever.
 */
export class InProcessEventBus implements EventBus {
  private static sharedInstance?: InProcessEventBus;
  private readonly logger = new Logger(InProcessEventBus.name);
  private readonly subscriptions = new Map<string, EventSubscription>();
  private readonly failures = new Map<string, number>();
  private readonly parkedEvents: ParkedEvent[] = [];
  private gate?: { opened: Promise<void>; open: () => void };
  private closed = false;

  /** The process-wide bus every service of the standalone process shares. */
  static shared(): InProcessEventBus {
    if (!InProcessEventBus.sharedInstance || InProcessEventBus.sharedInstance.closed) {
      InProcessEventBus.sharedInstance = new InProcessEventBus();
    }
    return InProcessEventBus.sharedInstance;
  }

  async publish(envelope: EventEnvelope): Promise<void> {
    this.assertOpen();
    await this.gate?.opened;
    const targets = [...this.subscriptions.values()].filter((sub) => sub.types.includes(envelope.type));
    const results = await Promise.allSettled(targets.map((sub) => sub.handle(envelope)));
    const errors: unknown[] = [];
    results.forEach((result, index) => {
      const subscription = targets[index];
      const key = `${subscription.consumer}\u0000${envelope.id}`;
      if (result.status === 'fulfilled') {
        this.failures.delete(key);
        return;
      }
      const attempts = (this.failures.get(key) ?? 0) + 1;
      if (attempts >= (subscription.maxDeliver ?? DEFAULT_MAX_DELIVER)) {
        this.failures.delete(key);
        this.park(subscription.consumer, envelope, result.reason);
      } else {
        this.failures.set(key, attempts);
        errors.push(result.reason);
      }
    });
    if (errors.length > 0) {
      throw new AggregateError(
        errors,
        `${errors.length} of ${targets.length} subscriber(s) failed to handle ${envelope.type} ${envelope.id}`,
      );
    }
  }

  async subscribe(subscription: EventSubscription): Promise<void> {
    this.assertOpen();
    if (this.subscriptions.has(subscription.consumer)) {
      throw new Error(`Consumer "${subscription.consumer}" is already subscribed on the in-process bus`);
    }
    this.subscriptions.set(subscription.consumer, subscription);
  }

  /** Removes one consumer's subscription; the bus stays open for the other services in the process. */
  async unsubscribe(consumer: string): Promise<void> {
    this.subscriptions.delete(consumer);
  }

  /**
   * Holds every publish until {@link release}. The standalone process holds the bus while it boots
   * its services, so no relay delivers an event before all subscribers are registered.
   */
  hold(): void {
    if (this.gate) return;
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    this.gate = { opened, open };
  }

  release(): void {
    const gate = this.gate;
    this.gate = undefined;
    gate?.open();
  }

  /** Events parked since the bus was created, oldest first. */
  parked(): readonly ParkedEvent[] {
    return this.parkedEvents;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.subscriptions.clear();
    this.release();
  }

  healthCheck(): HealthCheck {
    return {
      name: 'event-bus',
      check: async () => this.assertOpen(),
    };
  }

  private park(consumer: string, envelope: EventEnvelope, error: unknown): void {
    const reason = error instanceof Error ? error.message : String(error);
    this.parkedEvents.push({ consumer, envelope, reason, parkedAt: new Date().toISOString() });
    this.logger.error(`Parked ${envelope.type} ${envelope.id} for ${consumer}: ${reason}`);
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The in-process event bus is closed');
  }
}
