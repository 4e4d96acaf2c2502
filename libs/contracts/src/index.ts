export * as inventoryV1 from './generated/baton/inventory/v1/inventory.pb';
export * as ordersV1 from './generated/baton/orders/v1/orders.pb';
export * as fulfillmentV1 from './generated/baton/fulfillment/v1/fulfillment.pb';
export * as returnsV1 from './generated/baton/returns/v1/returns.pb';
export * as trackingV1 from './generated/baton/tracking/v1/tracking.pb';
export * from './proto-files';
