import { ApiProperty } from '@nestjs/swagger';

export class MilestoneView {
  @ApiProperty({ example: 'in_transit' })
  code!: string;

  @ApiProperty({ example: '2026-11-02T18:10:00.000Z' })
  occurredAt!: string;

  @ApiProperty({ example: 'Utrecht' })
  city!: string;

  @ApiProperty({ example: 'NL' })
  country!: string;
}

/** One parcel as anyone with its tracking number may see it: status and milestones, nothing personal. */
export class PublicTrackingView {
  @ApiProperty({ example: 'JD014600006281' })
  trackingNumber!: string;

  @ApiProperty({ example: 'dhl' })
  carrier!: string;

  @ApiProperty({ example: 'out_for_delivery' })
  status!: string;

  @ApiProperty({ example: '2026-11-04T18:00:00.000Z' })
  promisedBy!: string;

  @ApiProperty({ example: false })
  atRisk!: boolean;

  @ApiProperty({ example: '2026-11-03T18:00:00.000Z' })
  estimatedDeliveryAt!: string;

  @ApiProperty({ example: '2026-11-02T15:00:00.000Z' })
  shippedAt!: string;

  @ApiProperty({ example: '' })
  deliveredAt!: string;

  @ApiProperty({ type: [MilestoneView] })
  milestones!: MilestoneView[];
}
