import { checkSignature } from '../signing/hmac-signature';
import { TrackingError } from '../tracking.errors';
import type { CarrierWebhookAdapter, CarrierWebhookRequest } from './carrier-integrations';
import { type CarrierScan, validateScans } from './carrier-scan';

export const CARRIER_TIMESTAMP_HEADER = 'baton-carrier-timestamp';
export const CARRIER_SIGNATURE_HEADER = 'baton-carrier-signature';

/** How old a signed carrier request may be. */
export const CARRIER_SIGNATURE_TOLERANCE_MS = 5 * 60_000;

/** At most this many scans per webhook call. */
export const MAX_SCANS_PER_REQUEST = 500;

/**
 * Baton's own carrier tracking format, for any carrier (or carrier aggregator) that can be
 * configured to send it: `{"scans": [{trackingNumber, code, occurredAt, …}]}`, signed like Baton's
 * outgoing webhooks — `baton-carrier-timestamp: <unix seconds>` and
 * `baton-carrier-signature: v1=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>`.
 */
export class GenericCarrierWebhookAdapter implements CarrierWebhookAdapter {
  verify(request: CarrierWebhookRequest, secret: string, now: Date): void {
    const outcome = checkSignature(
      secret,
      request.headers[CARRIER_TIMESTAMP_HEADER],
      request.headers[CARRIER_SIGNATURE_HEADER],
      request.body,
      now,
      CARRIER_SIGNATURE_TOLERANCE_MS,
    );
    if (outcome !== 'valid') {
      throw new TrackingError('CARRIER_SIGNATURE_INVALID', `The carrier signature is ${outcome === 'stale' ? 'too old' : outcome}`, {
        check: outcome,
      });
    }
  }

  parse(request: CarrierWebhookRequest, now: Date): CarrierScan[] {
    let body: unknown;
    try {
      body = JSON.parse(request.body.toString('utf8'));
    } catch {
      throw new TrackingError('CARRIER_PAYLOAD_INVALID', 'The body is not JSON', {}, [{ field: 'body', message: 'must be JSON' }]);
    }
    const scans = (body as { scans?: unknown } | null)?.scans;
    if (!Array.isArray(scans) || scans.length === 0 || scans.length > MAX_SCANS_PER_REQUEST) {
      throw new TrackingError('CARRIER_PAYLOAD_INVALID', 'The body needs a scans list', {}, [
        { field: 'scans', message: `must be a list of 1-${MAX_SCANS_PER_REQUEST} scans` },
      ]);
    }
    return validateScans(scans, now);
  }
}
