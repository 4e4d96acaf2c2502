export {
  FulfillmentModule,
  fulfillmentEntities,
  fulfillmentMigrations,
  type FulfillmentModuleOptions,
} from './fulfillment.module';
export { CLOCK, systemClock, type Clock } from './clock';
export { FULFILLMENT_SETTINGS, loadFulfillmentSettings, type FulfillmentSettings } from './fulfillment-settings';
export { FulfillmentsService } from './fulfillment/fulfillments.service';
export { FulfillmentTimersJob, type TimerOutcome } from './jobs/fulfillment-timers.job';
export { FulfillmentError, FULFILLMENT_ERROR_KINDS, type FulfillmentErrorCode } from './fulfillment/fulfillments.errors';
export {
  FULFILLMENT_STATUSES,
  FULFILLMENT_TRANSITIONS,
  type FulfillmentStatus,
} from './fulfillment/fulfillment-state-machine';
export type { Carrier, CarrierQuote, CarrierServiceInfo, CreatedShipment, RateRequest, ShipmentRequest, TrackingUpdate } from './carriers/carrier';
export { TableRateCarrier } from './carriers/table-rate-carrier';
export { DEFAULT_CARRIER_TABLES } from './carriers/default-carrier-tables';
export { parseTableRateCarriers, type TableRateCarrierConfig } from './carriers/table-rate-config';
