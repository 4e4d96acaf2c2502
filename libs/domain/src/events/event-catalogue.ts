/**
 * The typed catalogue of domain events. Publishing a payload that does not match its type does
 * not compile. Adding an event means adding it here first; changing a payload incompatibly means
 * a new `.v<n+1>` type beside the old one.
 */

export interface AddressData {
  name: string;
  line1: string;
  line2?: string;
  city: string;
  postalCode: string;
  country: string;
  latitude?: number;
  longitude?: number;
}

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

export interface StockReservedV1 {
  orderId: string;
  reservations: Array<{
    reservationId: string;
    lineId: string;
    sku: string;
    locationId: string;
    quantity: number;
    expiresAt: string;
  }>;
}

export interface StockChangedV1 {
  sku: string;
  locationId: string;
  movementType: string;
  quantity: number;
  onHand: number;
  reserved: number;
  available: number;
  reference: string;
}

export interface FulfillmentCreatedV1 {
  fulfillmentId: string;
  orderId: string;
  locationId: string;
  deliveryMethod: string;
  lines: Array<{ lineId: string; sku: string; quantity: number }>;
}

export interface EventMap {
  'orders.order.placed.v1': OrderPlacedV1;
  'inventory.stock.reserved.v1': StockReservedV1;
  'inventory.stock.changed.v1': StockChangedV1;
  'fulfillment.fulfillment.created.v1': FulfillmentCreatedV1;
}

/** Every catalogued type, for consumers that subscribe to all of them (tracking). */
export const EVENT_TYPES = [
  'orders.order.placed.v1',
  'inventory.stock.reserved.v1',
  'inventory.stock.changed.v1',
  'fulfillment.fulfillment.created.v1',
] as const satisfies ReadonlyArray<keyof EventMap>;
