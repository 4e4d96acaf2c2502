import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { backoffDelay } from '@baton/messaging';
import type { EventSource } from '../streams/event-source';
import type { TrackingSettings } from '../tracking-settings';
import { EVENT_SOURCE, TRACKING_SETTINGS } from '../tracking.tokens';
import { PollingLoop } from '../workers/polling-loop';
import { WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { WebhookDeliveryWorker } from './webhook-delivery.worker';
import { type ReplayRow, WebhookReplaysRepository } from './webhook-replays.repository';

/** A replay run may take this long before another worker may take it over. */
const REPLAY_LEASE_MS = 10 * 60_000;
/** Runs of one replay before it is marked failed. */
const REPLAY_MAX_RUNS = 3;

/**
 * Runs replay requests: reads the subscription's tenant's events of the requested time range again
 * from the event source (the JetStream streams, or tracking's event log in the embedded mode) and
 * queues a delivery per event of a subscribed type, marked with the replay's id. A run that dies
 * is resumed by the next one after its lease; the deliveries it already queued are not queued twice.
 */
@Injectable()
export class WebhookReplayWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly loop: PollingLoop;

  constructor(
    private readonly dataSource: DataSource,
    private readonly replays: WebhookReplaysRepository,
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly deliveryWorker: WebhookDeliveryWorker,
    @Inject(EVENT_SOURCE) private readonly source: EventSource,
    @Inject(TRACKING_SETTINGS) settings: TrackingSettings,
  ) {
    this.loop = new PollingLoop(WebhookReplayWorker.name, settings.webhooks.pollIntervalMs, async () => (await this.runNext()) !== null);
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.loop.stop();
  }

  wake(): void {
    this.loop.wake();
  }

  /** Runs the oldest pending replay, if any; returns it. */
  async runNext(): Promise<ReplayRow | null> {
    const replay = await this.replays.claimPending(REPLAY_LEASE_MS);
    if (!replay) return null;
    try {
      await this.source.read({ from: replay.from, to: replay.to, tenantId: replay.tenantId }, async (batch) => {
        const queued = await this.dataSource.transaction((manager) =>
          this.deliveries.enqueueReplay(manager, replay.subscriptionId, replay.id, batch),
        );
        if (queued > 0) this.deliveryWorker.wake();
      });
      await this.replays.complete(replay.id);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const retryAt =
        replay.attempts >= REPLAY_MAX_RUNS ? null : new Date(Date.now() + backoffDelay(replay.attempts, { initialMs: 5000, maxMs: 60_000 }));
      await this.replays.fail(replay.id, message, retryAt);
    }
    return replay;
  }
}
