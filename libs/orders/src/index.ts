export { OrdersModule, ordersEntities, ordersMigrations, type OrdersModuleOptions } from './orders.module';
export { OrdersService } from './order/orders.service';
export { OrdersError, ORDERS_ERROR_KINDS, type OrdersErrorCode } from './order/orders.errors';
export { chooseLocation, planSourcing, type LocationStock, type Shortfall } from './sourcing/choose-location';
