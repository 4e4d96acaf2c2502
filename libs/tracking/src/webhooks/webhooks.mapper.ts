import type { trackingV1 } from '@baton/contracts';
import type { AttemptRow, DeliveryRow } from './webhook-deliveries.repository';
import type { ReplayRow } from './webhook-replays.repository';
import type { WebhookSubscriptionRow } from './webhook-subscriptions.repository';

/** A subscription as callers see it: never with its secret. */
export function toSubscription(row: WebhookSubscriptionRow): trackingV1.WebhookSubscription {
  return {
    id: row.id,
    url: row.url,
    eventTypes: row.eventTypes,
    description: row.description,
    active: row.active,
    partnerId: row.partnerId ?? '',
    createdAt: row.createdAt.toISOString(),
    deactivatedAt: row.deactivatedAt?.toISOString() ?? '',
  };
}

export function toDelivery(row: DeliveryRow, attempts: AttemptRow[]): trackingV1.WebhookDelivery {
  return {
    id: row.id,
    subscriptionId: row.subscriptionId,
    eventId: row.eventId,
    eventType: row.eventType,
    replayId: row.replayId ?? '',
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'pending' ? row.nextAttemptAt.toISOString() : '',
    deliveredAt: row.deliveredAt?.toISOString() ?? '',
    createdAt: row.createdAt.toISOString(),
    attemptLog: attempts
      .filter((attempt) => attempt.deliveryId === row.id)
      .map((attempt) => ({
        attempt: attempt.attempt,
        startedAt: attempt.startedAt.toISOString(),
        durationMs: attempt.durationMs,
        statusCode: attempt.statusCode ?? 0,
        error: attempt.error ?? '',
      })),
  };
}

export function toReplay(row: ReplayRow): trackingV1.WebhookReplay {
  return {
    id: row.id,
    subscriptionId: row.subscriptionId,
    from: row.from.toISOString(),
    to: row.to.toISOString(),
    status: row.status,
    eventsEnqueued: row.eventsEnqueued,
    error: row.error ?? '',
    createdAt: row.createdAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? '',
  };
}
