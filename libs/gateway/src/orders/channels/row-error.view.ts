import { ApiProperty } from '@nestjs/swagger';

export class RowErrorView {
  @ApiProperty({ example: 3, description: 'Line of the CSV file (the header is line 1)' })
  row!: number;

  @ApiProperty({ example: 'quantity', description: 'CSV column' })
  field!: string;

  @ApiProperty({ example: 'quantity must be a whole number' })
  message!: string;
}
