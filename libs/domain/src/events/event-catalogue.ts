/**
 * The typed catalogue of domain events: one file per producing service, composed here.
 * Publishing a payload that does not match its type does not compile. Adding an event means
 * adding it to its producer's map and type list; changing a payload incompatibly means a new
 * `.v<n+1>` type beside the old one.
 */
import { FULFILLMENT_EVENT_TYPES, type FulfillmentEventMap } from './fulfillment-events';
import { INVENTORY_EVENT_TYPES, type InventoryEventMap } from './inventory-events';
import { ORDERS_EVENT_TYPES, type OrdersEventMap } from './orders-events';
import { RETURNS_EVENT_TYPES, type ReturnsEventMap } from './returns-events';
import { TRACKING_EVENT_TYPES, type TrackingEventMap } from './tracking-events';

export * from './common-event-data';
export * from './orders-events';
export * from './inventory-events';
export * from './fulfillment-events';
export * from './returns-events';
export * from './tracking-events';

export interface EventMap extends OrdersEventMap, InventoryEventMap, FulfillmentEventMap, TrackingEventMap, ReturnsEventMap {}

/** Every catalogued type, for consumers that subscribe to all of them (tracking). */
export const EVENT_TYPES = [
  ...ORDERS_EVENT_TYPES,
  ...INVENTORY_EVENT_TYPES,
  ...FULFILLMENT_EVENT_TYPES,
  ...TRACKING_EVENT_TYPES,
  ...RETURNS_EVENT_TYPES,
] as const;
