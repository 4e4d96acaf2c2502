import type { GrpcPeer } from '@baton/platform';
import type { ordersV1, trackingV1 } from '@baton/contracts';

export const ORDERS_PEER = Symbol('ORDERS_PEER');
export const TRACKING_PEER = Symbol('TRACKING_PEER');

export type OrdersPeer = GrpcPeer<ordersV1.OrdersServiceClient>;
export type TrackingPeer = GrpcPeer<trackingV1.TrackingServiceClient>;
