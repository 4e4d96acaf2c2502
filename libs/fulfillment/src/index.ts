export {
  FulfillmentModule,
  fulfillmentEntities,
  fulfillmentMigrations,
  type FulfillmentModuleOptions,
} from './fulfillment.module';
export { FulfillmentsService } from './fulfillment/fulfillments.service';
export { FulfillmentError, FULFILLMENT_ERROR_KINDS, type FulfillmentErrorCode } from './fulfillment/fulfillments.errors';
export {
  FULFILLMENT_STATUSES,
  FULFILLMENT_TRANSITIONS,
  type FulfillmentStatus,
} from './fulfillment/fulfillment-state-machine';
