import { ApiProperty } from '@nestjs/swagger';

export class FeedRejectionView {
  @ApiProperty({ example: 7, description: 'Line in the feed (a CSV header is line 1)' })
  line!: number;

  @ApiProperty({ example: 'no item with this SKU' })
  reason!: string;

  @ApiProperty({ example: 'TSHIRT-PINK-XL' })
  sku!: string;

  @ApiProperty({ example: 'ST-AMS' })
  location!: string;
}

export class FeedResultView {
  @ApiProperty({ example: 'pos-ams-2026-11-01T06:00' })
  feedId!: string;

  @ApiProperty({ example: 'snapshot' })
  mode!: string;

  @ApiProperty({ example: 'csv' })
  format!: string;

  @ApiProperty({ example: 'completed', enum: ['importing', 'completed'] })
  status!: string;

  @ApiProperty({ example: 1200 })
  rowsTotal!: number;

  @ApiProperty({ example: 310, description: 'Rows that changed a position' })
  rowsApplied!: number;

  @ApiProperty({ example: 889, description: 'Snapshot rows equal to on hand' })
  rowsUnchanged!: number;

  @ApiProperty({ example: 1 })
  rowsRejected!: number;

  @ApiProperty({ type: [FeedRejectionView], description: 'The first 1,000' })
  rejections!: FeedRejectionView[];

  @ApiProperty({ type: [FeedRejectionView], description: 'Rows applied only in part: on hand stopped at what orders hold' })
  warnings!: FeedRejectionView[];

  @ApiProperty({ example: '2026-11-01T06:00:01.000Z' })
  createdAt!: string;

  @ApiProperty({ example: '2026-11-01T06:00:03.000Z' })
  completedAt!: string;

  @ApiProperty({ example: true, description: 'False when this feed id was imported before: the earlier result' })
  importedNow!: boolean;
}
