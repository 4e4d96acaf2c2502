import type { LineQuantityData } from './common-event-data';

export interface FulfillmentCreatedV1 {
  fulfillmentId: string;
  orderId: string;
  locationId: string;
  deliveryMethod: string;
  lines: Array<{ lineId: string; sku: string; quantity: number }>;
}

/**
 * A location gave back work: rejected outright or short-picked. `lines` are the quantities it
 * cannot fulfil; orders re-sources them elsewhere, inventory releases their reservations and,
 * for a short pick, records the shortfall as a count at that location.
 */
export interface FulfillmentRejectedV1 {
  fulfillmentId: string;
  orderId: string;
  locationId: string;
  reason: string;
  shortPick: boolean;
  lines: LineQuantityData[];
}

/** Goods left the location with a carrier: inventory consumes the reservations (ship movement). */
export interface FulfillmentShippedV1 {
  fulfillmentId: string;
  orderId: string;
  locationId: string;
  lines: LineQuantityData[];
  shipments: Array<{ shipmentId: string; carrier: string; service: string; trackingNumber: string }>;
}

export interface FulfillmentReadyForPickupV1 {
  fulfillmentId: string;
  orderId: string;
  locationId: string;
  /** Sent to the customer by the notification side; verified at hand-over. */
  pickupCode: string;
  expiresAt: string;
  lines: LineQuantityData[];
}

/** The customer collected (all or part): inventory consumes the reservations for these lines. */
export interface FulfillmentCollectedV1 {
  fulfillmentId: string;
  orderId: string;
  locationId: string;
  lines: LineQuantityData[];
}

export interface FulfillmentDeliveredV1 {
  fulfillmentId: string;
  orderId: string;
  locationId: string;
  shipmentId: string;
  deliveredAt: string;
}

/** An uncollected pickup passed its limit: inventory releases the reservations, stock returns to ATP. */
export interface FulfillmentExpiredV1 {
  fulfillmentId: string;
  orderId: string;
  locationId: string;
  lines: LineQuantityData[];
}

/** Events produced by the fulfillment service. */
export interface FulfillmentEventMap {
  'fulfillment.fulfillment.created.v1': FulfillmentCreatedV1;
  'fulfillment.fulfillment.rejected.v1': FulfillmentRejectedV1;
  'fulfillment.fulfillment.shipped.v1': FulfillmentShippedV1;
  'fulfillment.fulfillment.ready-for-pickup.v1': FulfillmentReadyForPickupV1;
  'fulfillment.fulfillment.collected.v1': FulfillmentCollectedV1;
  'fulfillment.fulfillment.delivered.v1': FulfillmentDeliveredV1;
  'fulfillment.fulfillment.expired.v1': FulfillmentExpiredV1;
}

export const FULFILLMENT_EVENT_TYPES = [
  'fulfillment.fulfillment.created.v1',
  'fulfillment.fulfillment.rejected.v1',
  'fulfillment.fulfillment.shipped.v1',
  'fulfillment.fulfillment.ready-for-pickup.v1',
  'fulfillment.fulfillment.collected.v1',
  'fulfillment.fulfillment.delivered.v1',
  'fulfillment.fulfillment.expired.v1',
] as const satisfies ReadonlyArray<keyof FulfillmentEventMap>;
