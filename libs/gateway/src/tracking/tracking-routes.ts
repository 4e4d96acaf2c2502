import { CarrierTrackingHttpController } from './carrier-tracking.http-controller';
import { OrderSearchHttpController } from './order-search.http-controller';
import { OrderTrackingHttpController } from './order-tracking.http-controller';
import { PublicTrackingHttpController } from './public-tracking.http-controller';
import { TimelineStream } from './timeline-stream.service';
import { TrackingScope } from './tracking-scope';
import { WebhooksHttpController } from './webhooks.http-controller';

/** The tracking routes of the gateway: timelines, status, look-up, public tracking, webhooks, carrier ingest. */
export const TRACKING_CONTROLLERS = [
  OrderTrackingHttpController,
  OrderSearchHttpController,
  PublicTrackingHttpController,
  WebhooksHttpController,
  CarrierTrackingHttpController,
];

export const TRACKING_PROVIDERS = [TrackingScope, TimelineStream];
