import type { CarrierScan } from './carrier-scan';

/** A carrier's tracking webhook as it reached the gateway. */
export interface CarrierWebhookRequest {
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** The body bytes exactly as sent: signatures are over these. */
  body: Buffer;
}

/**
 * Turns one carrier's tracking webhooks into scans. `verify` must throw a `TrackingError`
 * (CARRIER_SIGNATURE_INVALID) unless the request is signed with the tenant's secret for the
 * carrier; `parse` must throw CARRIER_PAYLOAD_INVALID naming the bad fields. Adding a carrier with
 * its own format means one adapter beside the generic one.
 */
export interface CarrierWebhookAdapter {
  verify(request: CarrierWebhookRequest, secret: string, now: Date): void;
  parse(request: CarrierWebhookRequest, now: Date): CarrierScan[];
}

/**
 * For carriers without webhooks: asked periodically for the scans of the parcels still open.
 * Returning scans already seen is fine (each is taken once); scans of other parcels are ignored.
 */
export interface CarrierTrackingPoller {
  readonly carrier: string;
  poll(trackingNumbers: string[]): Promise<CarrierScan[]>;
}

/** The carrier integrations a tracking service runs with. */
export interface CarrierIntegrations {
  /** Adapters by carrier code; carriers without one use the generic Baton format. */
  webhookAdapters?: Record<string, CarrierWebhookAdapter>;
  pollers?: CarrierTrackingPoller[];
}
