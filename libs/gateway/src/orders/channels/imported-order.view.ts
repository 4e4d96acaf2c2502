import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RowErrorView } from './row-error.view';

export const IMPORT_OUTCOMES = ['created', 'existing', 'rejected'] as const;
export type ImportOutcome = (typeof IMPORT_OUTCOMES)[number];

export class ImportedOrderView {
  @ApiProperty({ example: 'B2B-1001' })
  channelOrderId!: string;

  @ApiProperty({ type: [Number], example: [2, 3], description: 'Lines of the CSV file holding this order' })
  rows!: number[];

  @ApiProperty({ enum: IMPORT_OUTCOMES, example: 'created', description: 'existing: placed before (re-delivery)' })
  outcome!: ImportOutcome;

  @ApiPropertyOptional({ example: '7c9e6679-7425-40de-944b-e07fc1f90ae7', format: 'uuid' })
  orderId?: string;

  @ApiPropertyOptional({ type: [RowErrorView], description: 'Why the order was rejected' })
  errors?: RowErrorView[];
}
