import { ApiProperty } from '@nestjs/swagger';

export class ReturnableLineView {
  @ApiProperty({ example: '9b2d7e1c-0a4f-4b3e-8c6d-5f1e2a3b4c5d' })
  lineId!: string;

  @ApiProperty({ example: 'TSHIRT-BLUE-M' })
  sku!: string;

  @ApiProperty({ example: 2 })
  orderedQuantity!: number;

  @ApiProperty({ example: 'shipped' })
  lineStatus!: string;

  @ApiProperty({ example: 2, description: 'Units that reached the customer (shipped or collected)' })
  eligibleQuantity!: number;

  @ApiProperty({ example: 1, description: 'Units other returns hold' })
  returnedQuantity!: number;

  @ApiProperty({ example: 1 })
  returnableQuantity!: number;

  @ApiProperty({
    example: '',
    enum: ['', 'NOT_SHIPPED', 'NON_RETURNABLE', 'FINAL_SALE', 'WINDOW_CLOSED', 'FULLY_RETURNED'],
    description: 'Why nothing (or, for FINAL_SALE, only merchant-fault returns) can come back',
  })
  refusal!: string;

  @ApiProperty({ example: 3998, description: 'Paid for the whole line after discounts, with tax (minor units)' })
  paidMinor!: number;
}

/** What of an order can still come back. */
export class ReturnableView {
  @ApiProperty({ example: '7c9e6679-7425-40de-944b-e07fc1f90ae7' })
  orderId!: string;

  @ApiProperty({ example: 'EUR' })
  currency!: string;

  @ApiProperty({ example: '2026-12-27T10:00:00.000Z' })
  windowEndsAt!: string;

  @ApiProperty({ example: true })
  windowOpen!: boolean;

  @ApiProperty({ type: [ReturnableLineView] })
  lines!: ReturnableLineView[];
}
