import { ApiProperty } from '@nestjs/swagger';

export class ImportSummaryView {
  @ApiProperty({ example: 2 })
  orders!: number;

  @ApiProperty({ example: 1 })
  created!: number;

  @ApiProperty({ example: 0 })
  existing!: number;

  @ApiProperty({ example: 1 })
  rejected!: number;
}
