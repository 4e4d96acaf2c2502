import { ApiProperty } from '@nestjs/swagger';

export class WebhookSubscriptionView {
  @ApiProperty({ example: '2f1d3c4b-5a69-4788-9a0b-1c2d3e4f5a6b', format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'https://erp.example.com/baton/webhooks' })
  url!: string;

  @ApiProperty({ example: ['fulfillment.*', 'tracking.shipment.scanned.v1'], type: [String] })
  eventTypes!: string[];

  @ApiProperty({ example: 'ERP order updates' })
  description!: string;

  @ApiProperty({ example: true })
  active!: boolean;

  @ApiProperty({ example: '', description: 'The partner a partner-bound key subscribed for; empty for the tenant' })
  partnerId!: string;

  @ApiProperty({ example: '2026-11-01T08:00:00.000Z' })
  createdAt!: string;

  @ApiProperty({ example: '' })
  deactivatedAt!: string;
}

/** A new subscription and its signing secret, shown only in this answer. */
export class CreatedWebhookSubscriptionView {
  @ApiProperty({ type: WebhookSubscriptionView })
  subscription!: WebhookSubscriptionView;

  @ApiProperty({ example: 'whsec_8Jq1cYp0kq6v2m3X0t9N6m3lQe0yZ1c5rS8w4uE2aB0', description: 'HMAC-SHA256 key of the signatures; store it now' })
  secret!: string;
}

export class WebhookSubscriptionListView {
  @ApiProperty({ type: [WebhookSubscriptionView] })
  items!: WebhookSubscriptionView[];
}

export class WebhookSettingsView {
  @ApiProperty({ example: false, description: 'Whether webhook URLs may point at loopback or private addresses' })
  allowPrivateUrls!: boolean;
}
