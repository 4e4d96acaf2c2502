import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min, ValidateNested } from 'class-validator';

export const RETURN_METHODS = ['mail', 'in_store'] as const;
export const RETURN_CREATORS = ['channel', 'store', 'customer_service'] as const;
export const REFUND_MODES = ['refund', 'none'] as const;

export class ReturnLineDto {
  @ApiProperty({ example: '9b2d7e1c-0a4f-4b3e-8c6d-5f1e2a3b4c5d', description: 'The order line coming back' })
  @IsString()
  @Length(1, 64)
  lineId!: string;

  @ApiProperty({ example: 1, minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(1000)
  quantity!: number;

  @ApiProperty({ example: 'wrong_size', description: "A code from the tenant's reasons list (GET /v1/return-policy)" })
  @Matches(/^[a-z][a-z0-9_]{0,39}$/, { message: 'reasonCode must be a reason code such as wrong_size' })
  reasonCode!: string;

  @ApiPropertyOptional({ example: 'Too small' })
  @IsOptional()
  @IsString()
  @Length(0, 500)
  note?: string;
}

export class ExchangeLineDto {
  @ApiProperty({ example: 'TSHIRT-BLUE-L' })
  @IsString()
  @Length(1, 64)
  sku!: string;

  @ApiProperty({ example: 1, minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(1000)
  quantity!: number;

  @ApiProperty({ example: 1999, description: 'Unit price of the exchange item, minor units' })
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  unitPriceMinor!: number;
}

/** What a channel, a store or customer service sends to authorise a return. */
export class CreateReturnDto {
  @ApiProperty({ example: '7c9e6679-7425-40de-944b-e07fc1f90ae7', format: 'uuid' })
  @IsUUID()
  orderId!: string;

  @ApiProperty({ example: 'in_store', enum: RETURN_METHODS })
  @IsIn(RETURN_METHODS)
  method!: (typeof RETURN_METHODS)[number];

  @ApiPropertyOptional({
    example: '0b7f1c2e-4c1a-4d8e-9a57-0c1f7b9d2e11',
    format: 'uuid',
    description: "The store (required in store) or the mail-return destination (else the policy's default)",
  })
  @IsOptional()
  @IsUUID()
  locationId?: string;

  @ApiPropertyOptional({ example: 'store', enum: RETURN_CREATORS, default: 'channel' })
  @IsOptional()
  @IsIn(RETURN_CREATORS)
  createdBy?: (typeof RETURN_CREATORS)[number];

  @ApiPropertyOptional({ example: 'SHOP-RMA-1001', description: "The caller's own RMA id; repeating it answers the same return" })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  reference?: string;

  @ApiProperty({ type: [ReturnLineDto] })
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ReturnLineDto)
  lines!: ReturnLineDto[];

  @ApiPropertyOptional({ example: 'refund', enum: REFUND_MODES, default: 'refund' })
  @IsOptional()
  @IsIn(REFUND_MODES)
  refundMode?: (typeof REFUND_MODES)[number];

  @ApiPropertyOptional({ example: 'lost-parcel claim paid by the carrier', description: 'Required with refundMode none' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  noRefundReason?: string;

  @ApiPropertyOptional({ type: [ExchangeLineDto], description: 'Items to send instead; an exchange order is placed at once' })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ExchangeLineDto)
  exchangeLines?: ExchangeLineDto[];
}
