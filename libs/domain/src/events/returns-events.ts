/** The quantity of one order line a return step concerns. */
export interface ReturnLineQuantityData {
  lineId: string;
  sku: string;
  quantity: number;
}

/** An RMA was issued: these quantities of these lines may come back, by mail or to a store. */
export interface ReturnAuthorisedV1 {
  returnId: string;
  rmaNumber: string;
  orderId: string;
  /** `mail` or `in_store`. */
  method: string;
  /** Where the goods are expected (the store, or the mail-return destination); empty when open. */
  locationId: string;
  /** `channel`, `store` or `customer_service`. */
  createdBy: string;
  lines: Array<ReturnLineQuantityData & { reasonCode: string }>;
  /** `refund` or `none`. */
  refundMode: string;
  /** Whether an exchange order is placed for this return. */
  exchange: boolean;
}

/** The parcel is on its way back. */
export interface ReturnInTransitV1 {
  returnId: string;
  orderId: string;
  carrier: string;
  trackingNumber: string;
}

/** Units arrived at a location (one receipt; a return may be received in several). */
export interface ReturnReceivedV1 {
  returnId: string;
  orderId: string;
  receiptId: string;
  locationId: string;
  lines: ReturnLineQuantityData[];
  unexpected: Array<{ sku: string; quantity: number }>;
  /** True while authorised units are still outstanding after this receipt. */
  partial: boolean;
}

/** Inspection closed: how many units of each line got each grade. */
export interface ReturnInspectedV1 {
  returnId: string;
  orderId: string;
  grades: Array<{ lineId: string; sku: string; grade: string; quantity: number; unexpected: boolean }>;
}

/**
 * Where every returned unit goes. Inventory applies it: `restock` books the units on hand at
 * `locationId` (a return-restock movement), `write_off` records them without adding to
 * availability, `transfer` and `return_to_vendor` send them on to `targetLocationId`; `refurbish`
 * and `none` (missing or wrong items) change no stock.
 */
export interface ReturnDisposedV1 {
  returnId: string;
  orderId: string;
  /** Where the units were received (where a restock lands). */
  locationId: string;
  units: Array<{
    /** The order line, or `unexpected:<unit id>` for an item that was not on the order. */
    lineId: string;
    sku: string;
    quantity: number;
    disposition: string;
    targetLocationId?: string;
  }>;
}

/** The return is finished; `lines` are the quantities that came back and were accepted. */
export interface ReturnCompletedV1 {
  returnId: string;
  orderId: string;
  lines: ReturnLineQuantityData[];
  refundMinor: number;
  currency: string;
}

export interface ReturnRejectedV1 {
  returnId: string;
  orderId: string;
  reason: string;
}

/** Withdrawn before anything arrived; its quantities are returnable again. */
export interface ReturnCancelledV1 {
  returnId: string;
  orderId: string;
  reason: string;
}

/**
 * The payment side should pay this amount back (minor units). Never more than was paid for the
 * order across all its returns. Answered through the returns API (ConfirmRefund).
 */
export interface RefundRequestedV1 {
  refundId: string;
  returnId: string;
  orderId: string;
  amountMinor: number;
  currency: string;
  merchandiseMinor: number;
  taxMinor: number;
  shippingMinor: number;
  restockingFeeMinor: number;
  exchangeAppliedMinor: number;
  lines: Array<{ lineId: string; quantity: number; merchandiseMinor: number; taxMinor: number }>;
}

/** The payment side paid (or could not pay) a requested refund. */
export interface RefundSettledV1 {
  refundId: string;
  returnId: string;
  orderId: string;
  /** `succeeded` or `failed`. */
  outcome: string;
  amountMinor: number;
  currency: string;
  paymentReference: string;
}

/**
 * An exchange order was placed for a return. `settlement` says how the price difference is
 * settled: `charge` (the payment side collects `amountMinor` now), `refund` (paid out with the
 * return's refund once the goods are inspected) or `even`.
 */
export interface ExchangePlacedV1 {
  returnId: string;
  orderId: string;
  exchangeOrderId: string;
  returnedValueMinor: number;
  exchangeValueMinor: number;
  settlement: string;
  amountMinor: number;
  currency: string;
}

/** Events produced by the returns service. */
export interface ReturnsEventMap {
  'returns.return.authorised.v1': ReturnAuthorisedV1;
  'returns.return.in-transit.v1': ReturnInTransitV1;
  'returns.return.received.v1': ReturnReceivedV1;
  'returns.return.inspected.v1': ReturnInspectedV1;
  'returns.return.disposed.v1': ReturnDisposedV1;
  'returns.return.completed.v1': ReturnCompletedV1;
  'returns.return.rejected.v1': ReturnRejectedV1;
  'returns.return.cancelled.v1': ReturnCancelledV1;
  'returns.refund.requested.v1': RefundRequestedV1;
  'returns.refund.settled.v1': RefundSettledV1;
  'returns.exchange.placed.v1': ExchangePlacedV1;
}

export const RETURNS_EVENT_TYPES = [
  'returns.return.authorised.v1',
  'returns.return.in-transit.v1',
  'returns.return.received.v1',
  'returns.return.inspected.v1',
  'returns.return.disposed.v1',
  'returns.return.completed.v1',
  'returns.return.rejected.v1',
  'returns.return.cancelled.v1',
  'returns.refund.requested.v1',
  'returns.refund.settled.v1',
  'returns.exchange.placed.v1',
] as const satisfies ReadonlyArray<keyof ReturnsEventMap>;
