import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsLatitude,
  IsLongitude,
  IsNumber,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  IDENTIFIER,
  IDENTIFIER_MESSAGE,
  LOCATION_CAPABILITIES,
  LOCATION_TYPES,
  UUID_EXAMPLE,
  asBoolean,
  asList,
} from './inventory-vocabulary';

const asNumber = ({ value }: { value: unknown }): unknown => (typeof value === 'string' && value !== '' ? Number(value) : value);

/** Which locations an availability answer considers; every filter narrows. */
export class AvailabilityFilterDto {
  @ApiPropertyOptional({ enum: LOCATION_TYPES, isArray: true, example: ['store', 'warehouse'], description: 'Any of these types' })
  @IsOptional()
  @Transform(asList)
  @IsIn(LOCATION_TYPES, { each: true })
  locationTypes?: string[];

  @ApiPropertyOptional({ enum: LOCATION_CAPABILITIES, isArray: true, example: ['ship'], description: 'Every one of these' })
  @IsOptional()
  @Transform(asList)
  @IsIn(LOCATION_CAPABILITIES, { each: true })
  capabilities?: string[];

  @ApiPropertyOptional({ isArray: true, type: String, example: ['nl'], description: 'Any of these groups' })
  @IsOptional()
  @Transform(asList)
  @Matches(IDENTIFIER, { each: true, message: `each group ${IDENTIFIER_MESSAGE}` })
  groups?: string[];

  @ApiPropertyOptional({ isArray: true, type: String, example: [UUID_EXAMPLE], description: 'Only these locations' })
  @IsOptional()
  @Transform(asList)
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  locationIds?: string[];

  @ApiPropertyOptional({ isArray: true, type: String, example: [], description: 'Never these locations' })
  @IsOptional()
  @Transform(asList)
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  excludeLocationIds?: string[];

  @ApiPropertyOptional({ example: 52.3731, description: 'Measure distances from here (with longitude)' })
  @IsOptional()
  @Transform(asNumber)
  @IsLatitude()
  latitude?: number;

  @ApiPropertyOptional({ example: 4.8922 })
  @IsOptional()
  @Transform(asNumber)
  @IsLongitude()
  longitude?: number;

  @ApiPropertyOptional({ example: 50, description: 'Only locations within this many km (needs coordinates)' })
  @IsOptional()
  @Transform(asNumber)
  @IsNumber()
  @Min(0.001)
  @Max(20_038)
  radiusKm?: number;

  @ApiPropertyOptional({ example: 5, description: 'Per SKU, the N nearest locations with something to promise (needs coordinates)' })
  @IsOptional()
  @Transform(asNumber)
  @IsInt()
  @Min(1)
  @Max(1000)
  nearest?: number;

  @ApiPropertyOptional({ example: '2026-11-05T00:00:00Z', description: 'ATP by this instant adds inbound supply expected by then' })
  @IsOptional()
  @IsISO8601({ strict: true })
  asOf?: string;

  @ApiPropertyOptional({ example: false, description: 'Also answer locations with nothing to promise' })
  @IsOptional()
  @Transform(asBoolean)
  @IsBoolean()
  includeUnavailable?: boolean;
}

export class SkuAvailabilityQuery extends AvailabilityFilterDto {
  @ApiProperty({ example: 'TSHIRT-BLUE-M' })
  @Matches(IDENTIFIER, { message: `sku ${IDENTIFIER_MESSAGE}` })
  sku!: string;
}

export class CartAvailabilityDto {
  @ApiProperty({ example: ['TSHIRT-BLUE-M', 'MUG-LOGO'], description: 'Up to 200 distinct SKUs' })
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ArrayUnique()
  @Matches(IDENTIFIER, { each: true, message: `each sku ${IDENTIFIER_MESSAGE}` })
  skus!: string[];

  @ApiPropertyOptional({ type: AvailabilityFilterDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => AvailabilityFilterDto)
  filter?: AvailabilityFilterDto;
}
