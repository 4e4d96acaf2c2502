import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { trackingV1 } from '@baton/contracts';
import { WebhookDeliveriesService } from './webhook-deliveries.service';
import { WebhookSubscriptionsService } from './webhook-subscriptions.service';

const SERVICE = trackingV1.TRACKING_SERVICE_NAME;

type Webhooks = Pick<
  trackingV1.TrackingServiceController,
  | 'createWebhookSubscription'
  | 'listWebhookSubscriptions'
  | 'getWebhookSubscription'
  | 'deactivateWebhookSubscription'
  | 'listWebhookDeliveries'
  | 'retryWebhookDelivery'
  | 'replayWebhookEvents'
  | 'getWebhookReplay'
  | 'getWebhookSettings'
  | 'updateWebhookSettings'
>;

/** The webhooks gRPC surface; maps requests to the services and nothing else. */
@Controller()
export class WebhooksGrpcController implements Webhooks {
  constructor(
    private readonly subscriptions: WebhookSubscriptionsService,
    private readonly deliveries: WebhookDeliveriesService,
  ) {}

  @GrpcMethod(SERVICE, 'createWebhookSubscription')
  createWebhookSubscription(request: trackingV1.CreateWebhookSubscriptionRequest): Promise<trackingV1.CreateWebhookSubscriptionResponse> {
    return this.subscriptions.create(request);
  }

  @GrpcMethod(SERVICE, 'listWebhookSubscriptions')
  listWebhookSubscriptions(): Promise<trackingV1.ListWebhookSubscriptionsResponse> {
    return this.subscriptions.list();
  }

  @GrpcMethod(SERVICE, 'getWebhookSubscription')
  getWebhookSubscription(request: trackingV1.GetWebhookSubscriptionRequest): Promise<trackingV1.GetWebhookSubscriptionResponse> {
    return this.subscriptions.get(request.subscriptionId);
  }

  @GrpcMethod(SERVICE, 'deactivateWebhookSubscription')
  deactivateWebhookSubscription(
    request: trackingV1.DeactivateWebhookSubscriptionRequest,
  ): Promise<trackingV1.DeactivateWebhookSubscriptionResponse> {
    return this.subscriptions.deactivate(request.subscriptionId);
  }

  @GrpcMethod(SERVICE, 'listWebhookDeliveries')
  listWebhookDeliveries(request: trackingV1.ListWebhookDeliveriesRequest): Promise<trackingV1.ListWebhookDeliveriesResponse> {
    return this.deliveries.list(request);
  }

  @GrpcMethod(SERVICE, 'retryWebhookDelivery')
  retryWebhookDelivery(request: trackingV1.RetryWebhookDeliveryRequest): Promise<trackingV1.RetryWebhookDeliveryResponse> {
    return this.deliveries.retry(request);
  }

  @GrpcMethod(SERVICE, 'replayWebhookEvents')
  replayWebhookEvents(request: trackingV1.ReplayWebhookEventsRequest): Promise<trackingV1.ReplayWebhookEventsResponse> {
    return this.deliveries.replay(request);
  }

  @GrpcMethod(SERVICE, 'getWebhookReplay')
  getWebhookReplay(request: trackingV1.GetWebhookReplayRequest): Promise<trackingV1.GetWebhookReplayResponse> {
    return this.deliveries.getReplay(request);
  }

  @GrpcMethod(SERVICE, 'getWebhookSettings')
  getWebhookSettings(): Promise<trackingV1.GetWebhookSettingsResponse> {
    return this.subscriptions.getSettings();
  }

  @GrpcMethod(SERVICE, 'updateWebhookSettings')
  updateWebhookSettings(request: trackingV1.UpdateWebhookSettingsRequest): Promise<trackingV1.UpdateWebhookSettingsResponse> {
    return this.subscriptions.updateSettings(request);
  }
}
