import { ApiProperty } from '@nestjs/swagger';

export class FieldViolationView {
  @ApiProperty({ example: 'lines.0.quantity', description: 'Path of the invalid field in the request' })
  field!: string;

  @ApiProperty({ example: 'quantity must not be less than 1' })
  message!: string;
}
