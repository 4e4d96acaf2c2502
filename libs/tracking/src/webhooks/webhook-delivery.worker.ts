import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { Outbox, backoffDelay } from '@baton/messaging';
import { SERVICE_METRICS, type ServiceMetrics } from '@baton/platform';
import type { TrackingSettings } from '../tracking-settings';
import { TRACKING_SETTINGS } from '../tracking.tokens';
import { PollingLoop } from '../workers/polling-loop';
import { TenantSettingsRepository } from './tenant-settings.repository';
import { type ClaimedDelivery, WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { webhookHeaders } from './webhook-headers';
import { sendWebhook } from './webhook-sender';
import { checkWebhookUrl } from './webhook-url-policy';

/** Deliveries leased per round; they are sent concurrently. */
const BATCH_SIZE = 16;
/** A lease outlives the attempt's timeout by this much, so a slow attempt is not taken twice. */
const LEASE_MARGIN_MS = 30_000;

/**
 * Sends due webhook deliveries: leases a batch, POSTs each signed, and records the attempt —
 * delivered on 2xx; otherwise due again after an exponential backoff, or parked once the attempt
 * budget is spent. Each attempt is one POST (the lease makes one worker its owner); a worker dying
 * between POST and record means the receiver may see that attempt again, which the delivery id
 * header lets it recognise.
 */
@Injectable()
export class WebhookDeliveryWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly loop: PollingLoop;
  private stopListening?: () => void;

  constructor(
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly tenantSettings: TenantSettingsRepository,
    private readonly outbox: Outbox,
    @Inject(TRACKING_SETTINGS) private readonly settings: TrackingSettings,
    @Inject(SERVICE_METRICS) metrics: ServiceMetrics,
  ) {
    this.loop = new PollingLoop(WebhookDeliveryWorker.name, settings.webhooks.pollIntervalMs, async () => (await this.deliverDue()) > 0);
    const count = () => this.deliveries.countByStatus();
    new Gauge({
      name: 'baton_webhook_deliveries',
      help: 'Webhook deliveries waiting (pending) or given up on (parked)',
      labelNames: ['status'],
      registers: [metrics.registry],
      async collect() {
        const counts = await count();
        this.set({ status: 'pending' }, counts.pending);
        this.set({ status: 'parked' }, counts.parked);
      },
    });
  }

  /** Starts polling, and looks again whenever the inbox committed an event (which may have queued deliveries). */
  onApplicationBootstrap(): void {
    this.stopListening = this.outbox.onNotify(() => this.loop.wake());
    this.loop.start();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopListening?.();
    await this.loop.stop();
  }

  /** Makes the loop look for work now (after deliveries were queued). */
  wake(): void {
    this.loop.wake();
  }

  /** One round: attempts every due delivery of a batch; returns how many were attempted. */
  async deliverDue(): Promise<number> {
    const claimed = await this.deliveries.claimDue(BATCH_SIZE, this.settings.webhooks.timeoutMs + LEASE_MARGIN_MS);
    await Promise.all(claimed.map((delivery) => this.attempt(delivery)));
    return claimed.length;
  }

  private async attempt(delivery: ClaimedDelivery): Promise<void> {
    const startedAt = new Date();
    const allowPrivate = await this.tenantSettings.allowsPrivateWebhookUrls(delivery.tenantId);
    let response: { statusCode: number | null; error: string | null };
    try {
      await checkWebhookUrl(delivery.url, allowPrivate);
      response = await sendWebhook({
        url: delivery.url,
        headers: webhookHeaders(delivery, startedAt),
        body: delivery.payload,
        timeoutMs: this.settings.webhooks.timeoutMs,
        allowPrivate,
      });
    } catch (error) {
      response = { statusCode: null, error: error instanceof Error ? error.message : String(error) };
    }
    const delivered = response.statusCode !== null && response.statusCode >= 200 && response.statusCode < 300;
    const used = delivery.attempt - delivery.retryBase;
    const retryAt =
      delivered || used >= this.settings.webhooks.maxAttempts
        ? null
        : new Date(Date.now() + backoffDelay(used, this.settings.webhooks.backoff));
    await this.deliveries.recordAttempt(delivery, {
      startedAt,
      durationMs: Date.now() - startedAt.getTime(),
      statusCode: response.statusCode,
      error: delivered ? null : (response.error ?? `HTTP ${response.statusCode}`),
      delivered,
      retryAt,
    });
  }
}
