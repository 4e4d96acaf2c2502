import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { DISPOSITIONS, RETURN_GRADES } from './return-actions.dto';

export const SHIPPING_REFUND_RULES = ['never', 'merchant_fault', 'full_return', 'always'] as const;
const SKU_PATTERN = /^[^\s*]{1,63}\*?$|^\*$/;

export class ReturnReasonDto {
  @ApiProperty({ example: 'wrong_size' })
  @Matches(/^[a-z][a-z0-9_]{0,39}$/, { message: 'code must be a lowercase code such as wrong_size' })
  code!: string;

  @ApiProperty({ example: 'Wrong size or fit' })
  @IsString()
  @Length(1, 100)
  label!: string;

  @ApiProperty({ example: false, description: 'Merchant at fault: no restocking fee, final-sale items may come back' })
  @IsBoolean()
  merchantFault!: boolean;
}

export class DispositionRuleDto {
  @ApiProperty({ example: 'defective', enum: RETURN_GRADES })
  @IsIn(RETURN_GRADES)
  grade!: string;

  @ApiPropertyOptional({ example: 'TV-*', description: 'A SKU, a prefix ending in *, or empty for every item' })
  @IsOptional()
  @Matches(SKU_PATTERN, { message: 'skuPattern must be a SKU or a prefix ending in *' })
  skuPattern?: string;

  @ApiProperty({ example: 'return_to_vendor', enum: DISPOSITIONS })
  @IsIn(DISPOSITIONS)
  disposition!: string;

  @ApiPropertyOptional({ example: '5a0f6f5e-0d35-4b8e-9b39-3f1b9e0d3c21', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  targetLocationId?: string;
}

/** A tenant's return policy, replaced whole. */
export class ReturnPolicyDto {
  @ApiProperty({ example: 30, minimum: 0, maximum: 3650 })
  @IsInt()
  @Min(0)
  @Max(3650)
  returnWindowDays!: number;

  @ApiProperty({ type: [ReturnReasonDto] })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ReturnReasonDto)
  reasons!: ReturnReasonDto[];

  @ApiPropertyOptional({ example: ['GIFT-CARD-*'], type: [String] })
  @IsOptional()
  @ArrayMaxSize(1000)
  @Matches(SKU_PATTERN, { each: true, message: 'each entry must be a SKU or a prefix ending in *' })
  nonReturnableSkus?: string[];

  @ApiPropertyOptional({ example: ['SALE-*'], type: [String] })
  @IsOptional()
  @ArrayMaxSize(1000)
  @Matches(SKU_PATTERN, { each: true, message: 'each entry must be a SKU or a prefix ending in *' })
  finalSaleSkus?: string[];

  @ApiPropertyOptional({ example: 1000, description: 'Basis points of the refunded merchandise', minimum: 0, maximum: 10000 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10000)
  restockingFeeBps?: number;

  @ApiPropertyOptional({ example: 'merchant_fault', enum: SHIPPING_REFUND_RULES })
  @IsOptional()
  @IsIn(SHIPPING_REFUND_RULES)
  shippingRefund?: string;

  @ApiPropertyOptional({ example: '0b7f1c2e-4c1a-4d8e-9a57-0c1f7b9d2e11', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  defaultMailLocationId?: string;

  @ApiPropertyOptional({ type: [DispositionRuleDto] })
  @IsOptional()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => DispositionRuleDto)
  dispositionRules?: DispositionRuleDto[];

  @ApiPropertyOptional({ example: ['resellable', 'damaged', 'defective'], type: [String] })
  @IsOptional()
  @IsIn(['resellable', 'damaged', 'defective'], { each: true })
  refundableGrades?: string[];
}

/** The stored policy with its version. */
export class ReturnPolicyView extends ReturnPolicyDto {
  @ApiProperty({ example: 3 })
  version!: number;

  @ApiProperty({ example: '2026-11-27T10:00:00.000Z' })
  updatedAt!: string;
}
