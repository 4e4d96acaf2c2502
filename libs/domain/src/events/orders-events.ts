import type { AddressData, LineQuantityData } from './common-event-data';

/**
 * One sourced part of an order line. `lineId` is the id it is reserved and fulfilled under — the
 * order line's own id while the line is whole at one location; a line split over locations, or
 * re-sourced, has one part per location, each with its own id and `orderLineId` naming the line.
 */
export interface OrderLineData {
  lineId: string;
  sku: string;
  quantity: number;
  unitPriceMinor: number;
  currency: string;
  locationId: string;
  /** The order line this part belongs to (equal to `lineId` for a whole line). */
  orderLineId?: string;
  /** How this line travels; absent means the order's `deliveryMethod`. */
  deliveryMethod?: string;
  /** Where it goes (ship-to-store, transfer) or is collected (click-and-collect, curbside). */
  destinationLocationId?: string;
  /** Same as `destinationLocationId`, set for collection methods (click-and-collect, curbside). */
  pickupLocationId?: string;
  requestedWindow?: TimeWindowData;
  /** The date (ISO 8601) sourcing planned the delivery or pickup for. */
  promisedBy?: string;
  /** `carrier:service` sourcing planned with; fulfillment may choose another when it ships. */
  carrierServiceId?: string;
  taxMinor?: number;
  discountMinor?: number;
}

export interface TimeWindowData {
  from: string;
  to: string;
}

export interface OrderPlacedV1 {
  orderId: string;
  channel: string;
  channelOrderId: string;
  customerEmail: string;
  /** E.164 when the channel gave one; tracking looks orders up by it. */
  customerPhone?: string;
  deliveryMethod: string;
  shipTo: AddressData;
  /** Latest delivery (or collection) date-time promised to the customer, ISO 8601; tracking flags orders at risk of missing it. */
  promisedBy?: string;
  lines: OrderLineData[];
  totalMinor: number;
  currency: string;
  /** The location the order goes to, when it names one for all its lines. */
  destinationLocationId?: string;
  requestedWindow?: TimeWindowData;
  /** 1 (most urgent) to 9. */
  priority?: number;
  /** The sourcing strategy the order was planned with. */
  strategy?: string;
  customerId?: string;
  paymentReference?: string;
  /** Order lines that could not be sourced and wait for inbound supply (not in `lines`). */
  backorderedLines?: BackorderedLineData[];
}

export interface BackorderedLineData {
  lineId: string;
  sku: string;
  quantity: number;
  /** When the inbound supply it waits for is expected (ISO date), if known. */
  expectedDate?: string;
  reason: string;
}

/**
 * More of an order was sourced after placement: a rejected or expired part re-sourced elsewhere,
 * a backordered line whose stock arrived, or an order held at capture and now released. `lines`
 * are the new parts, each reserved, in the shape of `orders.order.placed.v1` — fulfillment creates
 * work for them as it does for a placed order.
 */
export interface OrderSourcedV1 {
  orderId: string;
  channel: string;
  channelOrderId: string;
  customerEmail: string;
  deliveryMethod: string;
  shipTo: AddressData | null;
  currency: string;
  /** resourcing, backorder_retry or release. */
  trigger: string;
  /** The sourcing attempt of the order (1 was the placement). */
  attempt: number;
  lines: OrderLineData[];
  /** For re-sourcing: the parts given up, with the location that failed. */
  replaces?: LineQuantityData[];
  priority?: number;
}

/** The order was put on hold: nothing more of it is fulfilled until it is released. */
export interface OrderHeldV1 {
  orderId: string;
  holdId: string;
  /** manual or rule. */
  kind: string;
  /** MANUAL, VALUE_LIMIT, FRAUD_SCORE or ADDRESS_MISMATCH. */
  code: string;
  reason: string;
  /** The order's status when it was held. */
  previousStatus: string;
}

/** The order's holds were released and its flow resumed in `status`. */
export interface OrderReleasedV1 {
  orderId: string;
  holdIds: string[];
  status: string;
  note: string;
}

/** Lines (or quantities of them) wait for supply: nothing can be sourced for them now. */
export interface OrderLineBackorderedV1 {
  orderId: string;
  lines: BackorderedLineData[];
}

/** Every status change of an order, with the line changes it came with. */
export interface OrderStatusChangedV1 {
  orderId: string;
  from: string;
  to: string;
  reason: string;
  /** What the customer is told now. */
  customerStatus: string;
  lines: Array<{ lineId: string; from: string; to: string }>;
}

export interface OrderCancelledV1 {
  orderId: string;
  /** True when nothing of the order is left to fulfil. */
  wholeOrder: boolean;
  reason: string;
  /**
   * The cancelled quantities, per reserved part (`lineId` as in the placed event, with its
   * location); reservations for exactly these are released.
   */
  lines: Array<LineQuantityData & { orderLineId?: string }>;
  /** What the payment side should refund, in minor units. */
  refundMinor: number;
  currency: string;
}

/** Events produced by the orders service. */
export interface OrdersEventMap {
  'orders.order.placed.v1': OrderPlacedV1;
  'orders.order.cancelled.v1': OrderCancelledV1;
  'orders.order.sourced.v1': OrderSourcedV1;
  'orders.order.held.v1': OrderHeldV1;
  'orders.order.released.v1': OrderReleasedV1;
  'orders.order.line.backordered.v1': OrderLineBackorderedV1;
  'orders.order.status-changed.v1': OrderStatusChangedV1;
}

export const ORDERS_EVENT_TYPES = [
  'orders.order.placed.v1',
  'orders.order.cancelled.v1',
  'orders.order.sourced.v1',
  'orders.order.held.v1',
  'orders.order.released.v1',
  'orders.order.line.backordered.v1',
  'orders.order.status-changed.v1',
] as const satisfies ReadonlyArray<keyof OrdersEventMap>;
