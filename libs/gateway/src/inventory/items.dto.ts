import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQueryDto } from '../limits/pagination';
import { IDENTIFIER, IDENTIFIER_MESSAGE, LOCATION_TYPES, MAX_QUANTITY } from './inventory-vocabulary';

export class DimensionsDto {
  @ApiProperty({ example: 300 })
  @IsInt()
  @Min(1)
  @Max(100_000)
  lengthMm!: number;

  @ApiProperty({ example: 200 })
  @IsInt()
  @Min(1)
  @Max(100_000)
  widthMm!: number;

  @ApiProperty({ example: 50 })
  @IsInt()
  @Min(1)
  @Max(100_000)
  heightMm!: number;
}

export class SafetyStockRuleDto {
  @ApiProperty({ enum: LOCATION_TYPES, example: 'store' })
  @IsIn(LOCATION_TYPES)
  locationType!: string;

  @ApiProperty({ example: 2 })
  @IsInt()
  @Min(0)
  @Max(MAX_QUANTITY)
  quantity!: number;
}

class ItemAttributesDto {
  @ApiPropertyOptional({ example: 'apparel' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  productGroup?: string;

  @ApiPropertyOptional({ example: 1999, description: 'Unit value in minor units (for rates and insurance)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000_000_000)
  unitValueMinor?: number;

  @ApiPropertyOptional({ example: 250 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  weightGrams?: number;

  @ApiPropertyOptional({ type: DimensionsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => DimensionsDto)
  dimensions?: DimensionsDto;

  @ApiPropertyOptional({ example: 1, description: 'Safety stock at every location, unless a location-type rule says otherwise' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_QUANTITY)
  safetyStock?: number;

  @ApiPropertyOptional({ type: [SafetyStockRuleDto], description: 'Safety stock per location type' })
  @IsOptional()
  @ArrayMaxSize(LOCATION_TYPES.length)
  @ValidateNested({ each: true })
  @Type(() => SafetyStockRuleDto)
  safetyStockByLocationType?: SafetyStockRuleDto[];

  @ApiPropertyOptional({ example: 5, nullable: true, type: Number, description: 'inventory.stock.low.v1 when ATP falls to this; null: never' })
  @IsOptional()
  @ValidateIf((_object, value) => value !== null)
  @IsInt()
  @Min(0)
  @Max(MAX_QUANTITY)
  lowStockThreshold?: number | null;
}

export class CreateItemDto extends ItemAttributesDto {
  @ApiProperty({ example: 'TSHIRT-BLUE-M' })
  @Matches(IDENTIFIER, { message: `sku ${IDENTIFIER_MESSAGE}` })
  sku!: string;

  @ApiProperty({ example: 'T-shirt, blue, M' })
  @IsString()
  @Length(1, 200)
  name!: string;
}

export class UpdateItemDto extends ItemAttributesDto {
  @ApiPropertyOptional({ example: 'T-shirt, navy, M' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;
}

export class ListItemsQuery extends PageQueryDto {
  @ApiPropertyOptional({ example: 'apparel' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  productGroup?: string;
}
