/** Units of one order line at one location, as inventory events report them. */
export interface ReservationLineData {
  reservationId: string;
  lineId: string;
  sku: string;
  locationId: string;
  quantity: number;
}

export interface StockReservedV1 {
  orderId: string;
  reservations: Array<ReservationLineData & { expiresAt: string }>;
}

/**
 * On hand of a position changed (receipt, adjustment, count, ship/pick, transfer, return restock,
 * write-off). Carries the position after the change and the change of available-to-promise.
 * Reservation-only changes announce themselves with the reservation events instead.
 */
export interface StockChangedV1 {
  sku: string;
  locationId: string;
  /** The movement type, or the types joined by "+" when one booking made several at the position. */
  movementType: string;
  /** The change of on hand (same as onHandDelta). */
  quantity: number;
  onHand: number;
  reserved: number;
  available: number;
  reference: string;
  /** Added compatibly after the first release; the inventory service always sets them. */
  onHandDelta?: number;
  reservedDelta?: number;
  safetyStock?: number;
  /** Change of available-to-promise caused by this booking. */
  availableDelta?: number;
}

/** Available-to-promise of a position fell to or below the item's low-stock threshold. */
export interface StockLowV1 {
  sku: string;
  locationId: string;
  available: number;
  threshold: number;
  onHand: number;
  reserved: number;
}

export interface ReservationConfirmedV1 {
  orderId: string;
  reservations: ReservationLineData[];
}

/** Reserved units given back (cancellation, rejection, an explicit release); quantity is what was released now. */
export interface ReservationReleasedV1 {
  orderId: string;
  reason: string;
  reference: string;
  releases: Array<ReservationLineData & { openQuantity: number }>;
}

/** Reserved units left with a shipment (`ship`) or a collection (`pick`). */
export interface ReservationConsumedV1 {
  orderId: string;
  fulfillmentId: string;
  movementType: 'ship' | 'pick';
  lines: Array<{
    lineId: string;
    sku: string;
    locationId: string;
    quantity: number;
    /** Of quantity, the units that were reserved for the line; the rest came from free stock. */
    fromReservation: number;
  }>;
}

/** A held reservation passed its expiry unconfirmed; the sweeper released it. */
export interface ReservationExpiredV1 {
  reservationId: string;
  orderId: string;
  lineId: string;
  sku: string;
  locationId: string;
  quantity: number;
}

export interface InboundReceivedV1 {
  supplyId: string;
  kind: string;
  reference: string;
  receiptId: string;
  lines: Array<{
    lineId: string;
    sku: string;
    locationId: string;
    quantity: number;
    receivedQuantity: number;
    expectedQuantity: number;
    overReceived: number;
  }>;
}

/** An inbound supply was closed; lines not received in full are reported short. */
export interface InboundClosedV1 {
  supplyId: string;
  kind: string;
  reference: string;
  shortLines: Array<{ lineId: string; sku: string; locationId: string; shortQuantity: number }>;
}

/** Units left a location on a transfer and are in transit to another. */
export interface TransferDispatchedV1 {
  supplyId: string;
  reference: string;
  fromLocationId: string;
  toLocationId: string;
  eta: string;
  lines: Array<{ lineId: string; sku: string; quantity: number }>;
}

export interface FeedImportedV1 {
  feedId: string;
  mode: string;
  format: string;
  source: string;
  rowsTotal: number;
  rowsApplied: number;
  rowsUnchanged: number;
  rowsRejected: number;
}

/** Events produced by the inventory service. */
export interface InventoryEventMap {
  'inventory.stock.reserved.v1': StockReservedV1;
  'inventory.stock.changed.v1': StockChangedV1;
  'inventory.stock.low.v1': StockLowV1;
  'inventory.reservation.confirmed.v1': ReservationConfirmedV1;
  'inventory.reservation.released.v1': ReservationReleasedV1;
  'inventory.reservation.consumed.v1': ReservationConsumedV1;
  'inventory.reservation.expired.v1': ReservationExpiredV1;
  'inventory.inbound.received.v1': InboundReceivedV1;
  'inventory.inbound.closed.v1': InboundClosedV1;
  'inventory.transfer.dispatched.v1': TransferDispatchedV1;
  'inventory.feed.imported.v1': FeedImportedV1;
}

export const INVENTORY_EVENT_TYPES = [
  'inventory.stock.reserved.v1',
  'inventory.stock.changed.v1',
  'inventory.stock.low.v1',
  'inventory.reservation.confirmed.v1',
  'inventory.reservation.released.v1',
  'inventory.reservation.consumed.v1',
  'inventory.reservation.expired.v1',
  'inventory.inbound.received.v1',
  'inventory.inbound.closed.v1',
  'inventory.transfer.dispatched.v1',
  'inventory.feed.imported.v1',
] as const satisfies ReadonlyArray<keyof InventoryEventMap>;
