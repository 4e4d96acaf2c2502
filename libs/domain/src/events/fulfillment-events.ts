import type { LineQuantityData } from './common-event-data';

/**
 * What kind of work a fulfilment order is: `ship` sends goods to the customer's address with a
 * carrier, `pickup` hands them over at the location (click-and-collect, curbside, the second leg
 * of ship-to-store), `transfer` sends them to another location (the first leg of ship-to-store,
 * replenishment).
 */
export type FulfillmentLegType = 'ship' | 'pickup' | 'transfer';

/**
 * New work at a location. Every line's `locationId` is the fulfilment's location. A `pending`
 * fulfilment (the pickup leg of ship-to-store) cannot be worked on until its inbound transfer leg
 * (`dependsOnFulfillmentId`) is delivered; it is then announced by `…activated.v1`.
 */
export interface FulfillmentCreatedV1 {
  fulfillmentId: string;
  orderId: string;
  locationId: string;
  deliveryMethod: string;
  lines: Array<{ lineId: string; sku: string; quantity: number; locationId?: string }>;
  legType?: FulfillmentLegType;
  /** `created`, or `pending` for a leg waiting for its inbound transfer. */
  status?: string;
  /** Where a transfer leg goes. */
  destinationLocationId?: string;
  dependsOnFulfillmentId?: string;
  priority?: number;
  dueAt?: string;
}

/** The location took the work on (it counts against the day's capacity from now on). */
export interface FulfillmentAcceptedV1 {
  fulfillmentId: string;
  orderId: string;
  locationId: string;
  dueAt: string | null;
}

/** Picking began, alone or as part of a batch pick list. */
export interface FulfillmentPickingStartedV1 {
  fulfillmentId: string;
  orderId: string;
  locationId: string;
  pickListId: string | null;
}

/** The goods were picked: `lines` are the quantities actually picked (short picks excluded). */
export interface FulfillmentPickedV1 {
  fulfillmentId: string;
  orderId: string;
  locationId: string;
  lines: LineQuantityData[];
}

/** The goods were packed into packages. */
export interface FulfillmentPackedV1 {
  fulfillmentId: string;
  orderId: string;
  locationId: string;
  packages: Array<{
    packageId: string;
    weightGrams: number;
    lengthMm: number;
    widthMm: number;
    heightMm: number;
    lines: Array<{ lineId: string; quantity: number }>;
  }>;
}

/**
 * A location gave back work: rejected outright, taken back by the pick/pack timer (reason
 * `timeout`), or short-picked. `lines` are exactly the quantities it cannot fulfil, each with the
 * location; orders re-sources them elsewhere, inventory releases their reservations and, for a
 * short pick, records the shortfall as a count at that location. `partial` is true when the
 * fulfilment goes on with the rest (a short pick of some units).
 */
export interface FulfillmentRejectedV1 {
  fulfillmentId: string;
  orderId: string;
  locationId: string;
  reason: string;
  shortPick: boolean;
  lines: LineQuantityData[];
  partial?: boolean;
  legType?: FulfillmentLegType;
}

/**
 * Goods left the location with a carrier: inventory consumes the reservations (ship movement) of
 * exactly `lines` at `locationId`. For a transfer leg, `destinationLocationId` is where they go.
 */
export interface FulfillmentShippedV1 {
  fulfillmentId: string;
  orderId: string;
  locationId: string;
  lines: LineQuantityData[];
  shipments: Array<{ shipmentId: string; carrier: string; service: string; trackingNumber: string }>;
  legType?: FulfillmentLegType;
  destinationLocationId?: string;
  deliveryMethod?: string;
}

/**
 * Ready at the location. Nothing moves in stock: the goods stay reserved until collected
 * (`…collected.v1`) or expired (`…expired.v1`).
 */
export interface FulfillmentReadyForPickupV1 {
  fulfillmentId: string;
  orderId: string;
  locationId: string;
  /** Sent to the customer by the notification side; verified at hand-over. */
  pickupCode: string;
  expiresAt: string;
  lines: LineQuantityData[];
  deliveryMethod?: string;
}

/**
 * The customer collected (all or part): inventory consumes the reservations for exactly these
 * lines. `complete` is false after a partial collection, when the rest still waits. For the pickup
 * leg of ship-to-store, `inboundFulfillmentId` is the transfer that brought the goods to the store.
 */
export interface FulfillmentCollectedV1 {
  fulfillmentId: string;
  orderId: string;
  locationId: string;
  lines: LineQuantityData[];
  complete?: boolean;
  inboundFulfillmentId?: string;
}

/**
 * The carrier delivered (every shipment of the fulfilment), or the destination location confirmed
 * receipt of a transfer leg. For a transfer leg, `destinationLocationId` received `lines`.
 */
export interface FulfillmentDeliveredV1 {
  fulfillmentId: string;
  orderId: string;
  locationId: string;
  shipmentId: string;
  deliveredAt: string;
  lines?: LineQuantityData[];
  legType?: FulfillmentLegType;
  destinationLocationId?: string;
}

/**
 * An uncollected pickup passed its limit: inventory releases the reservations of exactly `lines`,
 * stock returns to ATP. `policy` tells orders what the tenant wants done with those lines:
 * `cancel` them, or `reoffer` (re-source) them.
 */
export interface FulfillmentExpiredV1 {
  fulfillmentId: string;
  orderId: string;
  locationId: string;
  lines: LineQuantityData[];
  policy?: 'cancel' | 'reoffer';
  /** Set for the pickup leg of ship-to-store: the transfer that brought the goods to the store. */
  inboundFulfillmentId?: string;
}

/**
 * Work withdrawn by Baton, not by the location: the order (or these lines) was cancelled, or the
 * inbound leg a pending pickup waited for was rejected. Informational for stock: the reservations
 * are released by the cause (the order's cancellation, the rejection), never by this event.
 */
export interface FulfillmentCancelledV1 {
  fulfillmentId: string;
  orderId: string;
  locationId: string;
  reason: string;
  lines: LineQuantityData[];
}

/** A pending pickup leg became workable: its inbound transfer arrived at the location. */
export interface FulfillmentActivatedV1 {
  fulfillmentId: string;
  orderId: string;
  locationId: string;
  inboundFulfillmentId: string;
  dueAt: string | null;
}

/**
 * Work was not started in time (the tenant's pick/pack timer). `action` says what the policy did:
 * only `flagged`, or `rejected` (a `…rejected.v1` with reason `timeout` follows).
 */
export interface FulfillmentOverdueV1 {
  fulfillmentId: string;
  orderId: string;
  locationId: string;
  status: string;
  dueAt: string | null;
  action: 'flagged' | 'rejected';
}

/** A curbside customer arrived and is waiting outside. */
export interface FulfillmentCustomerArrivedV1 {
  fulfillmentId: string;
  orderId: string;
  locationId: string;
  arrivedAt: string;
  note: string;
}

/** A carrier reported a new status of a shipment. */
export interface ShipmentTrackingUpdatedV1 {
  shipmentId: string;
  fulfillmentId: string;
  orderId: string;
  carrier: string;
  trackingNumber: string;
  status: string;
  occurredAt: string;
  detail: string;
}

/** Events produced by the fulfillment service. */
export interface FulfillmentEventMap {
  'fulfillment.fulfillment.created.v1': FulfillmentCreatedV1;
  'fulfillment.fulfillment.accepted.v1': FulfillmentAcceptedV1;
  'fulfillment.fulfillment.picking-started.v1': FulfillmentPickingStartedV1;
  'fulfillment.fulfillment.picked.v1': FulfillmentPickedV1;
  'fulfillment.fulfillment.packed.v1': FulfillmentPackedV1;
  'fulfillment.fulfillment.rejected.v1': FulfillmentRejectedV1;
  'fulfillment.fulfillment.shipped.v1': FulfillmentShippedV1;
  'fulfillment.fulfillment.ready-for-pickup.v1': FulfillmentReadyForPickupV1;
  'fulfillment.fulfillment.collected.v1': FulfillmentCollectedV1;
  'fulfillment.fulfillment.delivered.v1': FulfillmentDeliveredV1;
  'fulfillment.fulfillment.expired.v1': FulfillmentExpiredV1;
  'fulfillment.fulfillment.cancelled.v1': FulfillmentCancelledV1;
  'fulfillment.fulfillment.activated.v1': FulfillmentActivatedV1;
  'fulfillment.fulfillment.overdue.v1': FulfillmentOverdueV1;
  'fulfillment.fulfillment.customer-arrived.v1': FulfillmentCustomerArrivedV1;
  'fulfillment.shipment.tracking-updated.v1': ShipmentTrackingUpdatedV1;
}

export const FULFILLMENT_EVENT_TYPES = [
  'fulfillment.fulfillment.created.v1',
  'fulfillment.fulfillment.accepted.v1',
  'fulfillment.fulfillment.picking-started.v1',
  'fulfillment.fulfillment.picked.v1',
  'fulfillment.fulfillment.packed.v1',
  'fulfillment.fulfillment.rejected.v1',
  'fulfillment.fulfillment.shipped.v1',
  'fulfillment.fulfillment.ready-for-pickup.v1',
  'fulfillment.fulfillment.collected.v1',
  'fulfillment.fulfillment.delivered.v1',
  'fulfillment.fulfillment.expired.v1',
  'fulfillment.fulfillment.cancelled.v1',
  'fulfillment.fulfillment.activated.v1',
  'fulfillment.fulfillment.overdue.v1',
  'fulfillment.fulfillment.customer-arrived.v1',
  'fulfillment.shipment.tracking-updated.v1',
] as const satisfies ReadonlyArray<keyof FulfillmentEventMap>;
