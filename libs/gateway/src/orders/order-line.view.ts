import { ApiProperty } from '@nestjs/swagger';

export class OrderLineView {
  @ApiProperty({ example: '3d0f8a2c-5b1e-4f7a-9c6d-2e8b4a1f0c93', format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'TSHIRT-BLUE-M' })
  sku!: string;

  @ApiProperty({ example: 1 })
  quantity!: number;

  @ApiProperty({ example: 1999, description: 'Minor units (cents)' })
  unitPriceMinor!: number;

  @ApiProperty({ example: '0b7f1c2e-4c1a-4d8e-9a57-0c1f7b9d2e11', format: 'uuid', description: 'Where the line is reserved' })
  locationId!: string;

  @ApiProperty({ example: 'reserved' })
  status!: string;
}
