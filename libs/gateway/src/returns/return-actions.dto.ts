import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';

export const RETURN_GRADES = ['resellable', 'damaged', 'defective', 'wrong_item', 'missing'] as const;
export const DISPOSITIONS = ['restock', 'transfer', 'refurbish', 'write_off', 'return_to_vendor', 'none'] as const;
export const REFUND_OUTCOMES = ['succeeded', 'failed'] as const;

export class ReceiptLineDto {
  @ApiProperty({ example: '9b2d7e1c-0a4f-4b3e-8c6d-5f1e2a3b4c5d', description: 'The order line' })
  @IsString()
  @Length(1, 64)
  lineId!: string;

  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  @Max(1000)
  quantity!: number;
}

export class UnexpectedItemDto {
  @ApiProperty({ example: 'SOCKS-BLACK' })
  @IsString()
  @Length(1, 64)
  sku!: string;

  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  @Max(1000)
  quantity!: number;

  @ApiPropertyOptional({ example: 'was in the parcel, not on the RMA' })
  @IsOptional()
  @IsString()
  @Length(0, 500)
  note?: string;
}

/** One receipt (a scan session) at a location; a repeated receiptId records nothing new. */
export class ReceiveReturnDto {
  @ApiProperty({ example: 'scan-2026-11-27-0001' })
  @IsString()
  @Length(1, 128)
  receiptId!: string;

  @ApiProperty({ example: '0b7f1c2e-4c1a-4d8e-9a57-0c1f7b9d2e11', format: 'uuid', description: 'Any location that accepts returns' })
  @IsUUID()
  locationId!: string;

  @ApiPropertyOptional({ type: [ReceiptLineDto] })
  @IsOptional()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => ReceiptLineDto)
  lines?: ReceiptLineDto[];

  @ApiPropertyOptional({ type: [UnexpectedItemDto] })
  @IsOptional()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => UnexpectedItemDto)
  unexpected?: UnexpectedItemDto[];
}

export class UnitGradeDto {
  @ApiProperty({ example: '3d0f8a2c-5b1e-4f7a-9c6d-2e8b4a1f0c93', format: 'uuid' })
  @IsUUID()
  unitId!: string;

  @ApiProperty({ example: 'resellable', enum: RETURN_GRADES })
  @IsIn(RETURN_GRADES)
  grade!: (typeof RETURN_GRADES)[number];

  @ApiPropertyOptional({ example: 'tags still on' })
  @IsOptional()
  @IsString()
  @Length(0, 500)
  note?: string;
}

export class InspectReturnDto {
  @ApiProperty({ type: [UnitGradeDto] })
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => UnitGradeDto)
  grades!: UnitGradeDto[];

  @ApiPropertyOptional({ example: true, default: true, description: 'Close the inspection (every received unit graded)' })
  @IsOptional()
  @IsBoolean()
  finish?: boolean;
}

export class UnitDispositionDto {
  @ApiProperty({ example: '3d0f8a2c-5b1e-4f7a-9c6d-2e8b4a1f0c93', format: 'uuid' })
  @IsUUID()
  unitId!: string;

  @ApiPropertyOptional({ example: 'transfer', enum: DISPOSITIONS, description: "Omit for the tenant's rule" })
  @IsOptional()
  @IsIn(DISPOSITIONS)
  disposition?: (typeof DISPOSITIONS)[number];

  @ApiPropertyOptional({ example: '5a0f6f5e-0d35-4b8e-9b39-3f1b9e0d3c21', format: 'uuid', description: 'For transfer, return_to_vendor, refurbish' })
  @IsOptional()
  @IsUUID()
  targetLocationId?: string;
}

export class DisposeReturnDto {
  @ApiPropertyOptional({ type: [UnitDispositionDto], description: 'Units not named follow the tenant rules' })
  @IsOptional()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => UnitDispositionDto)
  units?: UnitDispositionDto[];
}

export class InTransitDto {
  @ApiPropertyOptional({ example: 'PostNL' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  carrier?: string;

  @ApiPropertyOptional({ example: '3SABCD1234567' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  trackingNumber?: string;
}

export class ReasonDto {
  @ApiProperty({ example: 'customer kept the item' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

/** The payment side's answer to `returns.refund.requested.v1`. */
export class RefundConfirmationDto {
  @ApiProperty({ example: '3d0f8a2c-5b1e-4f7a-9c6d-2e8b4a1f0c93', format: 'uuid' })
  @IsUUID()
  refundId!: string;

  @ApiProperty({ example: 'succeeded', enum: REFUND_OUTCOMES })
  @IsIn(REFUND_OUTCOMES)
  outcome!: (typeof REFUND_OUTCOMES)[number];

  @ApiPropertyOptional({ example: 'psp_re_3KX9', description: 'Required when succeeded' })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  paymentReference?: string;

  @ApiPropertyOptional({ example: '' })
  @IsOptional()
  @IsString()
  @Length(0, 500)
  message?: string;
}
