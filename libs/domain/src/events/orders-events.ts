import type { AddressData, LineQuantityData } from './common-event-data';

export interface OrderLineData {
  lineId: string;
  sku: string;
  quantity: number;
  unitPriceMinor: number;
  currency: string;
  locationId: string;
}

export interface OrderPlacedV1 {
  orderId: string;
  channel: string;
  channelOrderId: string;
  customerEmail: string;
  deliveryMethod: string;
  shipTo: AddressData;
  lines: OrderLineData[];
  totalMinor: number;
  currency: string;
}

export interface OrderCancelledV1 {
  orderId: string;
  /** True when nothing of the order is left to fulfil. */
  wholeOrder: boolean;
  reason: string;
  /** The cancelled quantities; reservations for exactly these are released. */
  lines: LineQuantityData[];
  /** What the payment side should refund, in minor units. */
  refundMinor: number;
  currency: string;
}

/** Events produced by the orders service. */
export interface OrdersEventMap {
  'orders.order.placed.v1': OrderPlacedV1;
  'orders.order.cancelled.v1': OrderCancelledV1;
}

export const ORDERS_EVENT_TYPES = ['orders.order.placed.v1', 'orders.order.cancelled.v1'] as const satisfies ReadonlyArray<
  keyof OrdersEventMap
>;
