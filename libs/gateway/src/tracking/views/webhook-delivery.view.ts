import { ApiProperty } from '@nestjs/swagger';

export class WebhookAttemptView {
  @ApiProperty({ example: 1 })
  attempt!: number;

  @ApiProperty({ example: '2026-11-02T15:00:01.000Z' })
  startedAt!: string;

  @ApiProperty({ example: 87 })
  durationMs!: number;

  @ApiProperty({ example: 503, description: '0 when no HTTP answer came (refused, timed out)' })
  statusCode!: number;

  @ApiProperty({ example: 'HTTP 503' })
  error!: string;
}

export class WebhookDeliveryView {
  @ApiProperty({ example: '6c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f', format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '2f1d3c4b-5a69-4788-9a0b-1c2d3e4f5a6b' })
  subscriptionId!: string;

  @ApiProperty({ example: 'a3e4c1d2-6b5f-4e7a-8c9d-0f1e2d3c4b5a' })
  eventId!: string;

  @ApiProperty({ example: 'fulfillment.fulfillment.shipped.v1' })
  eventType!: string;

  @ApiProperty({ example: '', description: 'The replay that queued it; empty for live deliveries' })
  replayId!: string;

  @ApiProperty({ example: 'pending', enum: ['pending', 'delivered', 'parked'] })
  status!: string;

  @ApiProperty({ example: 1 })
  attempts!: number;

  @ApiProperty({ example: '2026-11-02T15:00:31.000Z', description: 'Empty unless pending' })
  nextAttemptAt!: string;

  @ApiProperty({ example: '' })
  deliveredAt!: string;

  @ApiProperty({ example: '2026-11-02T15:00:00.000Z' })
  createdAt!: string;

  @ApiProperty({ type: [WebhookAttemptView] })
  attemptLog!: WebhookAttemptView[];
}

/** One page of a subscription's delivery log, newest first. */
export class WebhookDeliveryPageView {
  @ApiProperty({ type: [WebhookDeliveryView] })
  items!: WebhookDeliveryView[];

  @ApiProperty({ example: null, nullable: true, type: String })
  nextCursor!: string | null;
}

export class WebhookReplayView {
  @ApiProperty({ example: '9a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d', format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '2f1d3c4b-5a69-4788-9a0b-1c2d3e4f5a6b' })
  subscriptionId!: string;

  @ApiProperty({ example: '2026-11-01T00:00:00.000Z' })
  from!: string;

  @ApiProperty({ example: '2026-11-02T00:00:00.000Z' })
  to!: string;

  @ApiProperty({ example: 'pending', enum: ['pending', 'completed', 'failed'] })
  status!: string;

  @ApiProperty({ example: 0 })
  eventsEnqueued!: number;

  @ApiProperty({ example: '' })
  error!: string;

  @ApiProperty({ example: '2026-11-02T15:00:00.000Z' })
  createdAt!: string;

  @ApiProperty({ example: '' })
  completedAt!: string;
}
