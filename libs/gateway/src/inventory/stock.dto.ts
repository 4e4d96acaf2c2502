import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, NotEquals, ValidateIf } from 'class-validator';
import { PageQueryDto } from '../limits/pagination';
import { IDENTIFIER, IDENTIFIER_MESSAGE, MAX_QUANTITY, MOVEMENT_TYPES, UUID_EXAMPLE } from './inventory-vocabulary';

/** One position: an item at a location. */
class PositionDto {
  @ApiProperty({ example: 'TSHIRT-BLUE-M' })
  @Matches(IDENTIFIER, { message: `sku ${IDENTIFIER_MESSAGE}` })
  sku!: string;

  @ApiProperty({ example: UUID_EXAMPLE, format: 'uuid' })
  @IsUUID()
  locationId!: string;
}

/** A stock operation idempotent by its reference: the same reference books once. */
class ReferencedDto extends PositionDto {
  @ApiProperty({ example: 'GRN-2026-0042', description: 'Makes the operation idempotent: the same reference books once' })
  @IsString()
  @Length(1, 200)
  reference!: string;
}

export class ReceiptDto extends ReferencedDto {
  @ApiProperty({ example: 24, minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(MAX_QUANTITY)
  quantity!: number;

  @ApiPropertyOptional({ example: 'unplanned delivery' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class AdjustmentDto extends ReferencedDto {
  @ApiProperty({ example: -2, description: 'Units to add (positive) or remove (negative); not zero' })
  @IsInt()
  @NotEquals(0)
  @Min(-MAX_QUANTITY)
  @Max(MAX_QUANTITY)
  quantityDelta!: number;

  @ApiProperty({ example: 'found damaged on shelf', description: 'Why; required' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

export class CountDto extends ReferencedDto {
  @ApiProperty({ example: 17, minimum: 0, description: 'The units counted on the shelf' })
  @IsInt()
  @Min(0)
  @Max(MAX_QUANTITY)
  counted!: number;

  @ApiPropertyOptional({ example: 'cycle count aisle 4' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class WriteOffDto extends ReferencedDto {
  @ApiProperty({ example: 1, minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(MAX_QUANTITY)
  quantity!: number;

  @ApiProperty({ example: 'water damage', description: 'Why; required' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

export class ReturnRestockDto extends ReferencedDto {
  @ApiProperty({ example: 1, minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(MAX_QUANTITY)
  quantity!: number;

  @ApiPropertyOptional({ example: 'resellable' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class SafetyStockDto extends PositionDto {
  @ApiProperty({ example: 3, nullable: true, type: Number, description: 'Pinned safety stock; null hands it back to the item’s rules' })
  @ValidateIf((_object, value) => value !== null)
  @IsInt()
  @Min(0)
  @Max(MAX_QUANTITY)
  quantity!: number | null;
}

export class ListPositionsQuery extends PageQueryDto {
  @ApiPropertyOptional({ example: 'TSHIRT-BLUE-M' })
  @IsOptional()
  @Matches(IDENTIFIER, { message: `sku ${IDENTIFIER_MESSAGE}` })
  sku?: string;

  @ApiPropertyOptional({ format: 'uuid', example: UUID_EXAMPLE, description: 'Required for a partner key' })
  @IsOptional()
  @IsUUID()
  locationId?: string;
}

export class ListMovementsQuery extends ListPositionsQuery {
  @ApiPropertyOptional({ enum: MOVEMENT_TYPES, example: 'count' })
  @IsOptional()
  @IsIn(MOVEMENT_TYPES)
  type?: string;

  @ApiPropertyOptional({ example: 'GRN-2026-0042' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  reference?: string;
}
