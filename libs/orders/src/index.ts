export { OrdersModule, ordersEntities, ordersMigrations, type OrdersModuleOptions } from './orders.module';
export { OrdersService } from './order/orders.service';
export { loadOrdersSettings, type OrdersSettings } from './orders-settings';
export { OrdersError, ORDERS_ERROR_KINDS, type OrdersErrorCode } from './order/orders.errors';
export { sourceOrder, DEFAULT_WEIGHTS } from './sourcing/source-order';
export { DELIVERY_METHODS, DEFAULT_METHOD_RULES, type DeliveryMethod } from './sourcing/delivery-methods';
export * from './sourcing/sourcing-model';
