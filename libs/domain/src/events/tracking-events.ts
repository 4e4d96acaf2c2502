/**
 * What a carrier reported about a parcel, normalised across carriers. `delivered` closes the
 * shipment; `failed_attempt`, `exception` and `returned_to_sender` mean it is delayed.
 */
export const SCAN_CODES = [
  'info_received',
  'in_transit',
  'out_for_delivery',
  'failed_attempt',
  'exception',
  'returned_to_sender',
  'delivered',
] as const;

export type ScanCode = (typeof SCAN_CODES)[number];

/**
 * One carrier scan, received by webhook or by polling. It names the parcel by carrier and tracking
 * number only: a scan may arrive before the shipment it belongs to is known, and tracking links the
 * two by that pair. `orderId` is filled when the shipment was already known at ingest, for webhook
 * subscribers; the read model never relies on it. The envelope's `occurredAt` is the scan time.
 */
export interface ShipmentScannedV1 {
  /** The carrier's own id of the scan, or a digest of its contents; a scan is ingested once. */
  scanId: string;
  carrier: string;
  trackingNumber: string;
  code: ScanCode;
  /** The carrier's wording, for staff screens; not shown on the public tracking page. */
  description: string;
  /** Where the scan happened (a depot, a city), never a customer address. */
  place: { city?: string; postalCode?: string; country?: string; name?: string };
  occurredAt: string;
  estimatedDeliveryAt?: string;
  source: 'webhook' | 'poll';
  orderId?: string;
}

/** Events produced by the tracking service. */
export interface TrackingEventMap {
  'tracking.shipment.scanned.v1': ShipmentScannedV1;
}

export const TRACKING_EVENT_TYPES = ['tracking.shipment.scanned.v1'] as const satisfies ReadonlyArray<
  keyof TrackingEventMap
>;
