import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IDENTIFIER, IDENTIFIER_MESSAGE, MAX_QUANTITY, UUID_EXAMPLE } from './inventory-vocabulary';

export class ReservationLineDto {
  @ApiProperty({ example: 'line-1', description: 'The order line; reserving it again is idempotent' })
  @Matches(IDENTIFIER, { message: `lineId ${IDENTIFIER_MESSAGE}` })
  lineId!: string;

  @ApiProperty({ example: 'TSHIRT-BLUE-M' })
  @Matches(IDENTIFIER, { message: `sku ${IDENTIFIER_MESSAGE}` })
  sku!: string;

  @ApiProperty({ example: UUID_EXAMPLE, format: 'uuid' })
  @IsUUID()
  locationId!: string;

  @ApiProperty({ example: 2, minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(MAX_QUANTITY)
  quantity!: number;
}

export class ReservePlanDto {
  @ApiProperty({ example: 'ORDER-2026-0001' })
  @Matches(IDENTIFIER, { message: `orderId ${IDENTIFIER_MESSAGE}` })
  orderId!: string;

  @ApiProperty({ type: [ReservationLineDto] })
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ReservationLineDto)
  lines!: ReservationLineDto[];

  @ApiPropertyOptional({ example: 900, description: 'Seconds until a held reservation expires unless confirmed; default 900' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(30 * 24 * 3600)
  ttlSeconds?: number;
}

export class ConfirmReservationsDto {
  @ApiPropertyOptional({ example: ['line-1'], description: 'Omit to confirm every held line of the order' })
  @IsOptional()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @Matches(IDENTIFIER, { each: true, message: `each line id ${IDENTIFIER_MESSAGE}` })
  lineIds?: string[];
}

export class ReleaseLineDto {
  @ApiProperty({ example: 'line-1' })
  @Matches(IDENTIFIER, { message: `lineId ${IDENTIFIER_MESSAGE}` })
  lineId!: string;

  @ApiProperty({ example: 1, minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(MAX_QUANTITY)
  quantity!: number;
}

export class ReleaseReservationsDto {
  @ApiProperty({ example: 'release-7', description: 'Makes the release idempotent: the same reference releases once' })
  @IsString()
  @Length(1, 200)
  reference!: string;

  @ApiPropertyOptional({ type: [ReleaseLineDto], description: 'Omit to release everything still held on every line' })
  @IsOptional()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ReleaseLineDto)
  lines?: ReleaseLineDto[];

  @ApiPropertyOptional({ example: 'customer changed the quantity' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}
