import { signatureHeader } from '../signing/hmac-signature';
import type { ClaimedDelivery } from './webhook-deliveries.repository';

/** The headers a subscriber receives, documented in docs/tracking.md. */
export const WEBHOOK_HEADERS = {
  deliveryId: 'baton-webhook-id',
  attempt: 'baton-webhook-attempt',
  timestamp: 'baton-webhook-timestamp',
  signature: 'baton-webhook-signature',
  eventId: 'baton-event-id',
  eventType: 'baton-event-type',
  replayId: 'baton-webhook-replay',
} as const;

/**
 * The headers of one attempt: ids to deduplicate by (a delivery may arrive twice if a worker died
 * after sending), the attempt number, and the signature over `<timestamp>.<body>` with the
 * subscription's secret.
 */
export function webhookHeaders(delivery: ClaimedDelivery, now: Date): Record<string, string> {
  const timestamp = Math.floor(now.getTime() / 1000);
  return {
    'content-type': 'application/json',
    'user-agent': 'Baton-Webhooks/1',
    [WEBHOOK_HEADERS.deliveryId]: delivery.id,
    [WEBHOOK_HEADERS.attempt]: String(delivery.attempt - delivery.retryBase),
    [WEBHOOK_HEADERS.timestamp]: String(timestamp),
    [WEBHOOK_HEADERS.signature]: signatureHeader(delivery.secret, timestamp, delivery.payload),
    [WEBHOOK_HEADERS.eventId]: delivery.eventId,
    [WEBHOOK_HEADERS.eventType]: delivery.eventType,
    ...(delivery.replayId ? { [WEBHOOK_HEADERS.replayId]: delivery.replayId } : {}),
  };
}
