import { ApiProperty } from '@nestjs/swagger';

export class OrderSummaryView {
  @ApiProperty({ example: '7c9e6679-7425-40de-944b-e07fc1f90ae7' })
  orderId!: string;

  @ApiProperty({ example: 'web' })
  channel!: string;

  @ApiProperty({ example: 'WEB-1001' })
  channelOrderId!: string;

  @ApiProperty({ example: 'ada@example.com' })
  customerEmail!: string;

  @ApiProperty({ example: '+31612345678' })
  customerPhone!: string;

  @ApiProperty({ example: 'shipped' })
  status!: string;

  @ApiProperty({ example: '2026-11-04T18:00:00.000Z' })
  promisedBy!: string;

  @ApiProperty({ example: false })
  atRisk!: boolean;

  @ApiProperty({ example: '2026-11-02T09:30:00.000Z' })
  placedAt!: string;

  @ApiProperty({ example: '2026-11-02T15:00:00.000Z' })
  lastEventAt!: string;

  @ApiProperty({ example: ['JD014600006281'], type: [String] })
  trackingNumbers!: string[];
}

/** One page of orders found, most recently active first. */
export class OrderSearchPageView {
  @ApiProperty({ type: [OrderSummaryView] })
  items!: OrderSummaryView[];

  @ApiProperty({ example: null, nullable: true, type: String, description: 'Pass as cursor for the next page; null on the last page' })
  nextCursor!: string | null;
}
