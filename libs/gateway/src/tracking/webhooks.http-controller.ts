import { Body, Controller, Delete, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { trackingV1 } from '@baton/contracts';
import { RequireRoles } from '../auth/roles';
import { TRACKING_PEER, type TrackingPeer } from '../grpc-peers';
import { type Page, pageSize } from '../limits/pagination';
import { CreateWebhookSubscriptionDto, DeliveriesQueryDto, ReplayWebhookDto, WebhookSettingsDto } from './tracking-requests.dto';
import { WebhookDeliveryPageView, WebhookDeliveryView, WebhookReplayView } from './views/webhook-delivery.view';
import {
  CreatedWebhookSubscriptionView,
  WebhookSettingsView,
  WebhookSubscriptionListView,
  WebhookSubscriptionView,
} from './views/webhook-subscription.view';

const SUBSCRIPTION_ID = { name: 'id', format: 'uuid', example: '2f1d3c4b-5a69-4788-9a0b-1c2d3e4f5a6b', description: 'Subscription id' };
const uuid = () => new ParseUUIDPipe();

/**
 * Webhooks out: subscriptions of the tenant to event types, their delivery log, putting a parked
 * delivery back, replaying a time range, and the tenant's webhook settings. Admin keys only.
 */
@ApiTags('webhooks')
@ApiBearerAuth()
@RequireRoles('admin')
@Controller('v1/webhooks')
export class WebhooksHttpController {
  constructor(@Inject(TRACKING_PEER) private readonly tracking: TrackingPeer) {}

  @Get('settings')
  @ApiOperation({ summary: "The tenant's webhook settings" })
  @ApiResponse({ status: 200, type: WebhookSettingsView, description: 'The settings' })
  async getSettings(): Promise<trackingV1.WebhookSettings> {
    return (await this.tracking.call('getWebhookSettings', {})).settings as trackingV1.WebhookSettings;
  }

  @Put('settings')
  @ApiOperation({ summary: "Change the tenant's webhook settings", description: 'allowPrivateUrls lets subscriptions target loopback or private addresses.' })
  @ApiResponse({ status: 200, type: WebhookSettingsView, description: 'The settings after the change' })
  async updateSettings(@Body() body: WebhookSettingsDto): Promise<trackingV1.WebhookSettings> {
    return (await this.tracking.call('updateWebhookSettings', { allowPrivateUrls: body.allowPrivateUrls })).settings as trackingV1.WebhookSettings;
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Subscribe a URL to event types',
    description:
      'Each event of a subscribed type is POSTed as JSON, signed: baton-webhook-timestamp and baton-webhook-signature ' +
      '(v1=<hex HMAC-SHA256 of "<timestamp>.<body>"> with the secret). Failed deliveries are retried with exponential backoff ' +
      'and parked after the last attempt. The secret is returned only here.',
  })
  @ApiResponse({ status: 201, type: CreatedWebhookSubscriptionView, description: 'The subscription and its secret' })
  @ApiResponse({ status: 400, description: 'Invalid or refused URL (loopback/private unless allowed), unknown event type; nothing was stored' })
  @ApiResponse({ status: 503, description: 'The tracking service did not answer' })
  create(@Body() body: CreateWebhookSubscriptionDto): Promise<trackingV1.CreateWebhookSubscriptionResponse> {
    return this.tracking.call('createWebhookSubscription', {
      url: body.url,
      eventTypes: body.eventTypes,
      description: body.description ?? '',
      secret: body.secret ?? '',
    });
  }

  @Get()
  @ApiOperation({ summary: 'List webhook subscriptions', description: 'Oldest first; secrets are never shown.' })
  @ApiResponse({ status: 200, type: WebhookSubscriptionListView, description: 'Every subscription of the tenant' })
  async list(): Promise<{ items: trackingV1.WebhookSubscription[] }> {
    return { items: (await this.tracking.call('listWebhookSubscriptions', {})).subscriptions };
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a webhook subscription' })
  @ApiParam(SUBSCRIPTION_ID)
  @ApiResponse({ status: 200, type: WebhookSubscriptionView, description: 'The subscription' })
  @ApiResponse({ status: 404, description: 'No such subscription in this tenant' })
  async get(@Param('id', uuid()) id: string): Promise<trackingV1.WebhookSubscription> {
    return (await this.tracking.call('getWebhookSubscription', { subscriptionId: id })).subscription as trackingV1.WebhookSubscription;
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Deactivate a webhook subscription', description: 'No new deliveries; pending ones are parked. The log stays.' })
  @ApiParam(SUBSCRIPTION_ID)
  @ApiResponse({ status: 200, type: WebhookSubscriptionView, description: 'The deactivated subscription' })
  @ApiResponse({ status: 404, description: 'No such subscription in this tenant' })
  async deactivate(@Param('id', uuid()) id: string): Promise<trackingV1.WebhookSubscription> {
    return (await this.tracking.call('deactivateWebhookSubscription', { subscriptionId: id })).subscription as trackingV1.WebhookSubscription;
  }

  @Get(':id/deliveries')
  @ApiOperation({ summary: 'The delivery log of a subscription', description: 'Newest first, each with every attempt (time, duration, HTTP status, error).' })
  @ApiParam(SUBSCRIPTION_ID)
  @ApiResponse({ status: 200, type: WebhookDeliveryPageView, description: 'One page of deliveries' })
  @ApiResponse({ status: 404, description: 'No such subscription in this tenant' })
  async deliveries(@Param('id', uuid()) id: string, @Query() query: DeliveriesQueryDto): Promise<Page<trackingV1.WebhookDelivery>> {
    const page = await this.tracking.call('listWebhookDeliveries', {
      subscriptionId: id,
      status: query.status ?? '',
      limit: pageSize(query),
      pageToken: query.cursor ?? '',
    });
    return { items: page.deliveries, nextCursor: page.nextPageToken || null };
  }

  @Post(':id/deliveries/:deliveryId/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a parked delivery again', description: 'It gets a fresh set of attempts.' })
  @ApiParam(SUBSCRIPTION_ID)
  @ApiParam({ name: 'deliveryId', format: 'uuid', example: '6c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f' })
  @ApiResponse({ status: 200, type: WebhookDeliveryView, description: 'The delivery, pending again' })
  @ApiResponse({ status: 404, description: 'No such subscription or delivery' })
  @ApiResponse({ status: 422, description: 'The delivery is not parked, or the subscription is deactivated' })
  async retry(@Param('id', uuid()) id: string, @Param('deliveryId', uuid()) deliveryId: string): Promise<trackingV1.WebhookDelivery> {
    return (await this.tracking.call('retryWebhookDelivery', { subscriptionId: id, deliveryId })).delivery as trackingV1.WebhookDelivery;
  }

  @Post(':id/replays')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Replay a time range of events to a subscription',
    description:
      'Re-reads the event streams and queues every event of a subscribed type that occurred in [from, to] again (header ' +
      'baton-webhook-replay names the replay). Runs in the background; follow it with GET …/replays/{replayId}.',
  })
  @ApiParam(SUBSCRIPTION_ID)
  @ApiResponse({ status: 202, type: WebhookReplayView, description: 'The replay was queued' })
  @ApiResponse({ status: 404, description: 'No such subscription in this tenant' })
  @ApiResponse({ status: 422, description: 'The subscription is deactivated' })
  async replay(@Param('id', uuid()) id: string, @Body() body: ReplayWebhookDto): Promise<trackingV1.WebhookReplay> {
    return (await this.tracking.call('replayWebhookEvents', { subscriptionId: id, from: body.from, to: body.to ?? '' }))
      .replay as trackingV1.WebhookReplay;
  }

  @Get(':id/replays/:replayId')
  @ApiOperation({ summary: 'The progress of a replay' })
  @ApiParam(SUBSCRIPTION_ID)
  @ApiParam({ name: 'replayId', format: 'uuid', example: '9a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d' })
  @ApiResponse({ status: 200, type: WebhookReplayView, description: 'The replay' })
  @ApiResponse({ status: 404, description: 'No such subscription or replay' })
  async getReplay(@Param('id', uuid()) id: string, @Param('replayId', uuid()) replayId: string): Promise<trackingV1.WebhookReplay> {
    return (await this.tracking.call('getWebhookReplay', { subscriptionId: id, replayId })).replay as trackingV1.WebhookReplay;
  }
}
