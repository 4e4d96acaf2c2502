import type { fulfillmentV1 } from '@baton/contracts';
import type { FulfillmentWithLines } from './fulfillments.repository';

/** The contract view of a fulfilment order: what the gRPC surface returns instead of entities. */
export function toFulfillmentContract({ fulfillment, lines }: FulfillmentWithLines): fulfillmentV1.Fulfillment {
  return {
    id: fulfillment.id,
    orderId: fulfillment.orderId,
    locationId: fulfillment.locationId,
    deliveryMethod: fulfillment.deliveryMethod,
    status: fulfillment.status,
    lines: lines.map((line) => ({ lineId: line.orderLineId, sku: line.sku, quantity: line.quantity })),
    createdAt: fulfillment.createdAt.toISOString(),
  };
}
