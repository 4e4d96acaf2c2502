import { join } from 'node:path';

/**
 * Where the .proto sources are at run time. From source (libs/contracts/src) and from the build
 * (dist/libs/contracts/src, with proto/ copied to dist/proto) the relative path is the same.
 */
export const PROTO_ROOT = join(__dirname, '..', '..', '..', 'proto');

/** The gRPC services Baton exposes, with their proto package and source file. */
export const GRPC_SERVICES = {
  inventory: { package: 'baton.inventory.v1', service: 'InventoryService', file: 'baton/inventory/v1/inventory.proto' },
  orders: { package: 'baton.orders.v1', service: 'OrdersService', file: 'baton/orders/v1/orders.proto' },
  fulfillment: { package: 'baton.fulfillment.v1', service: 'FulfillmentService', file: 'baton/fulfillment/v1/fulfillment.proto' },
  returns: { package: 'baton.returns.v1', service: 'ReturnsService', file: 'baton/returns/v1/returns.proto' },
  tracking: { package: 'baton.tracking.v1', service: 'TrackingService', file: 'baton/tracking/v1/tracking.proto' },
} as const;

export type GrpcServiceName = keyof typeof GRPC_SERVICES;
