import { ApiProperty } from '@nestjs/swagger';

export class TrackingStepView {
  @ApiProperty({ example: 'a3e4c1d2-6b5f-4e7a-8c9d-0f1e2d3c4b5a', format: 'uuid' })
  eventId!: string;

  @ApiProperty({ example: 'fulfillment.fulfillment.shipped.v1', description: 'What happened: the event type' })
  type!: string;

  @ApiProperty({ example: 'fulfillment', description: 'Which service recorded it' })
  service!: string;

  @ApiProperty({ example: '2026-11-02T09:30:00.000Z', format: 'date-time' })
  occurredAt!: string;

  @ApiProperty({ example: 'Shipped from location 0b7f1c2e-…: 2 units with dhl JD014600006281' })
  summary!: string;

  @ApiProperty({ example: '0b7f1c2e-4c1a-4d8e-9a57-0c1f7b9d2e11', description: 'Empty when the step is not at a location' })
  locationId!: string;

  @ApiProperty({ example: 'f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b' })
  correlationId!: string;

  @ApiProperty({ example: 'carrier:dhl', description: 'Who: a carrier for scans, the channel of a placement; empty when unknown' })
  actor!: string;

  @ApiProperty({ example: 'Hub Utrecht, 3511 Utrecht, NL', description: 'Where a carrier scan happened; empty for other steps' })
  place!: string;

  @ApiProperty({ example: 'JD014600006281', description: 'The parcel of a carrier scan; empty for other steps' })
  trackingNumber!: string;
}

/** Every recorded step of one order across every service and carrier, oldest first. */
export class OrderTimelineView {
  @ApiProperty({ example: '7c9e6679-7425-40de-944b-e07fc1f90ae7', format: 'uuid' })
  orderId!: string;

  @ApiProperty({ type: [TrackingStepView] })
  entries!: TrackingStepView[];
}
