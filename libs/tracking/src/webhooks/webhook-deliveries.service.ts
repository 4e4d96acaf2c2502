import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { trackingV1 } from '@baton/contracts';
import { ValidationError, type FieldViolation } from '@baton/domain';
import { TrackingError } from '../tracking.errors';
import { type DeliveryCursor, type DeliveryStatus, WebhookDeliveriesRepository } from './webhook-deliveries.repository';
import { WebhookDeliveryWorker } from './webhook-delivery.worker';
import { WebhookReplayWorker } from './webhook-replay.worker';
import { WebhookReplaysRepository } from './webhook-replays.repository';
import { WebhookSubscriptionsService } from './webhook-subscriptions.service';
import { toDelivery, toReplay } from './webhooks.mapper';

const STATUSES: ReadonlySet<string> = new Set(['pending', 'delivered', 'parked']);
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;

function decodeCursor(token: string): DeliveryCursor | null {
  if (!token) return null;
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<DeliveryCursor>;
    if (typeof parsed.createdAt === 'string' && typeof parsed.id === 'string' && /^[0-9a-f-]{36}$/.test(parsed.id)) {
      return { createdAt: parsed.createdAt, id: parsed.id };
    }
  } catch {
    // refused below
  }
  throw new TrackingError('INVALID_PAGE_TOKEN', 'The page token is not one this list returned');
}

function parseInstant(value: string, field: string, violations: FieldViolation[]): Date | null {
  const at = new Date(value);
  if (!value || Number.isNaN(at.getTime())) {
    violations.push({ field, message: 'must be an ISO 8601 date-time' });
    return null;
  }
  return at;
}

/**
 * The delivery side of webhooks as callers see it: the delivery log with every attempt, putting a
 * parked delivery back in the queue, and replaying a time range of events to a subscription.
 */
@Injectable()
export class WebhookDeliveriesService {
  constructor(
    private readonly subscriptions: WebhookSubscriptionsService,
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly replays: WebhookReplaysRepository,
    private readonly deliveryWorker: WebhookDeliveryWorker,
    private readonly replayWorker: WebhookReplayWorker,
  ) {}

  async list(request: trackingV1.ListWebhookDeliveriesRequest): Promise<trackingV1.ListWebhookDeliveriesResponse> {
    await this.subscriptions.require(request.subscriptionId);
    if (request.status && !STATUSES.has(request.status)) {
      throw new ValidationError([{ field: 'status', message: 'must be pending, delivered or parked' }]);
    }
    if (request.limit < 0 || request.limit > MAX_LIMIT) {
      throw new ValidationError([{ field: 'limit', message: `must be between 1 and ${MAX_LIMIT}` }]);
    }
    const limit = request.limit || DEFAULT_LIMIT;
    const rows = await this.deliveries.list(
      request.subscriptionId,
      (request.status || null) as DeliveryStatus | null,
      decodeCursor(request.pageToken),
      limit + 1,
    );
    const page = rows.slice(0, limit);
    const attempts = await this.deliveries.attemptsOf(page.map((row) => row.id));
    const last = page[page.length - 1];
    return {
      deliveries: page.map((row) => toDelivery(row, attempts)),
      nextPageToken:
        rows.length > limit && last
          ? Buffer.from(JSON.stringify({ createdAt: last.createdAt.toISOString(), id: last.id })).toString('base64url')
          : '',
    };
  }

  async retry(request: trackingV1.RetryWebhookDeliveryRequest): Promise<trackingV1.RetryWebhookDeliveryResponse> {
    const subscription = await this.subscriptions.require(request.subscriptionId);
    if (!subscription.active) {
      throw new TrackingError('WEBHOOK_SUBSCRIPTION_INACTIVE', 'The subscription is deactivated', { subscriptionId: subscription.id });
    }
    const retried = await this.deliveries.retryParked(request.subscriptionId, request.deliveryId);
    if (!retried) {
      const existing = await this.deliveries.findOne(request.subscriptionId, request.deliveryId);
      if (!existing) {
        throw new TrackingError('WEBHOOK_DELIVERY_NOT_FOUND', `No delivery ${request.deliveryId}`, { deliveryId: request.deliveryId });
      }
      throw new TrackingError('WEBHOOK_DELIVERY_NOT_PARKED', `Delivery ${request.deliveryId} is ${existing.status}, not parked`, {
        status: existing.status,
      });
    }
    this.deliveryWorker.wake();
    return { delivery: toDelivery(retried, await this.deliveries.attemptsOf([retried.id])) };
  }

  /** Queues a replay of [from, to] (to defaults to now) for an active subscription; runs in the background. */
  async replay(request: trackingV1.ReplayWebhookEventsRequest): Promise<trackingV1.ReplayWebhookEventsResponse> {
    const violations: FieldViolation[] = [];
    const from = parseInstant(request.from, 'from', violations);
    const now = new Date();
    const to = request.to ? parseInstant(request.to, 'to', violations) : now;
    if (from && to && from.getTime() > to.getTime()) violations.push({ field: 'from', message: 'must not be after to' });
    if (from && from.getTime() > now.getTime()) violations.push({ field: 'from', message: 'must not lie in the future' });
    if (violations.length > 0 || !from || !to) throw new ValidationError(violations);
    const subscription = await this.subscriptions.require(request.subscriptionId);
    if (!subscription.active) {
      throw new TrackingError('WEBHOOK_SUBSCRIPTION_INACTIVE', 'The subscription is deactivated', { subscriptionId: subscription.id });
    }
    const replay = await this.replays.insert(randomUUID(), subscription.id, from, to);
    this.replayWorker.wake();
    return { replay: toReplay(replay) };
  }

  async getReplay(request: trackingV1.GetWebhookReplayRequest): Promise<trackingV1.GetWebhookReplayResponse> {
    await this.subscriptions.require(request.subscriptionId);
    const replay = await this.replays.findOne(request.subscriptionId, request.replayId);
    if (!replay) throw new TrackingError('WEBHOOK_REPLAY_NOT_FOUND', `No replay ${request.replayId}`, { replayId: request.replayId });
    return { replay: toReplay(replay) };
  }
}
