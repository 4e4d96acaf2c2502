import type { GrpcPeer } from '@baton/platform';
import type { fulfillmentV1, inventoryV1, ordersV1, returnsV1, trackingV1 } from '@baton/contracts';

export const ORDERS_PEER = Symbol('ORDERS_PEER');
export const TRACKING_PEER = Symbol('TRACKING_PEER');
export const RETURNS_PEER = Symbol('RETURNS_PEER');
export const FULFILLMENT_PEER = Symbol('FULFILLMENT_PEER');

export type OrdersPeer = GrpcPeer<ordersV1.OrdersServiceClient>;
export type TrackingPeer = GrpcPeer<trackingV1.TrackingServiceClient>;
export type ReturnsPeer = GrpcPeer<returnsV1.ReturnsServiceClient>;
export type FulfillmentPeer = GrpcPeer<fulfillmentV1.FulfillmentServiceClient>;

export const INVENTORY_PEER = Symbol('INVENTORY_PEER');
export type InventoryPeer = GrpcPeer<inventoryV1.InventoryServiceClient>;
