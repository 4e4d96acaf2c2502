export { TrackingModule, trackingEntities, trackingMigrations, type TrackingModuleOptions } from './tracking.module';
export { loadTrackingSettings, type TrackingSettings } from './tracking-settings';
export { rebuildTrackingReadModel } from './rebuild/rebuild-tracking';
export { ReadModelRebuilder, READ_MODEL_TABLES } from './rebuild/read-model-rebuilder';
export { ReadModelProjector } from './projection/read-model.projector';
export { TimelineService } from './timeline/timeline.service';
export { CarrierPollingWorker } from './carriers/carrier-polling.worker';
export { WebhookDeliveryWorker } from './webhooks/webhook-delivery.worker';
export type { CarrierIntegrations, CarrierTrackingPoller, CarrierWebhookAdapter } from './carriers/carrier-integrations';
export type { CarrierScan } from './carriers/carrier-scan';
export { CARRIER_SIGNATURE_HEADER, CARRIER_TIMESTAMP_HEADER } from './carriers/generic-carrier-webhook.adapter';
export { signatureHeader, checkSignature } from './signing/hmac-signature';
export { WEBHOOK_HEADERS } from './webhooks/webhook-headers';
export { CUSTOMER_STATUSES, type CustomerStatus } from './status/customer-status';
export {
  projectTimelineEntry,
  summarize,
  orderIdOf,
  locationIdsOf,
  actorOf,
  type TimelineEntryDraft,
} from './timeline/timeline-projection';
