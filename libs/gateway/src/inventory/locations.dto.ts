import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsBoolean,
  IsIn,
  IsInt,
  IsLatitude,
  IsLongitude,
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
import {
  IDENTIFIER,
  IDENTIFIER_MESSAGE,
  LOCATION_CAPABILITIES,
  LOCATION_TYPES,
  WEEKDAYS,
  asBoolean,
  asList,
} from './inventory-vocabulary';

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

export class LocationAddressDto {
  @ApiProperty({ example: 'Kalverstraat 1' })
  @IsString()
  @Length(1, 200)
  line1!: string;

  @ApiPropertyOptional({ example: '2nd floor' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  line2?: string;

  @ApiProperty({ example: 'Amsterdam' })
  @IsString()
  @Length(1, 100)
  city!: string;

  @ApiProperty({ example: '1012 NX' })
  @IsString()
  @Length(1, 20)
  postalCode!: string;

  @ApiPropertyOptional({ example: 'NH' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  region?: string;

  @ApiProperty({ example: 'NL', description: 'ISO 3166-1 alpha-2' })
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code such as NL' })
  country!: string;
}

export class OpeningHoursDto {
  @ApiProperty({ enum: WEEKDAYS, example: 'mon' })
  @IsIn(WEEKDAYS)
  day!: (typeof WEEKDAYS)[number];

  @ApiProperty({ example: '09:00', description: 'HH:MM, 24-hour, in the location time zone' })
  @Matches(CLOCK, { message: 'opens must be HH:MM (24-hour)' })
  opens!: string;

  @ApiProperty({ example: '18:00' })
  @Matches(CLOCK, { message: 'closes must be HH:MM (24-hour)' })
  closes!: string;
}

/** The attributes a location may be created or updated with (besides code and kind). */
class LocationAttributesDto {
  @ApiPropertyOptional({ type: LocationAddressDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocationAddressDto)
  address?: LocationAddressDto;

  @ApiPropertyOptional({ example: 'Europe/Amsterdam', description: 'IANA time zone; default UTC' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timeZone?: string;

  @ApiPropertyOptional({ type: [OpeningHoursDto] })
  @IsOptional()
  @ArrayMaxSize(70)
  @ValidateNested({ each: true })
  @Type(() => OpeningHoursDto)
  openingHours?: OpeningHoursDto[];

  @ApiPropertyOptional({ example: 250, description: 'Fulfilments it can take per day; omit (or null on update) for unlimited', nullable: true, type: Number })
  @IsOptional()
  @ValidateIf((_object, value) => value !== null)
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  dailyCapacity?: number | null;

  @ApiPropertyOptional({ example: 150, description: 'Cost of handling one fulfilment here, in minor units' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  handlingCostMinor?: number;

  @ApiPropertyOptional({ example: 'franchise-7', description: 'The partner that owns the location' })
  @IsOptional()
  @ValidateIf((_object, value) => value !== '')
  @Matches(IDENTIFIER, { message: `partnerId ${IDENTIFIER_MESSAGE}` })
  partnerId?: string;

  @ApiPropertyOptional({ example: ['nl', 'randstad'], description: 'Regions and networks, usable in availability queries' })
  @IsOptional()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @Matches(IDENTIFIER, { each: true, message: `each group ${IDENTIFIER_MESSAGE}` })
  groups?: string[];
}

export class CreateLocationDto extends LocationAttributesDto {
  @ApiProperty({ example: 'ST-AMS', description: 'The tenant’s own code for the location; unique' })
  @Matches(IDENTIFIER, { message: `code ${IDENTIFIER_MESSAGE}` })
  code!: string;

  @ApiProperty({ example: 'Amsterdam Kalverstraat' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: LOCATION_TYPES, example: 'store' })
  @IsIn(LOCATION_TYPES)
  type!: (typeof LOCATION_TYPES)[number];

  @ApiProperty({ example: 52.3702 })
  @IsLatitude()
  latitude!: number;

  @ApiProperty({ example: 4.8952 })
  @IsLongitude()
  longitude!: number;

  @ApiProperty({ enum: LOCATION_CAPABILITIES, isArray: true, example: ['ship', 'pickup', 'accept_returns'] })
  @ArrayUnique()
  @IsIn(LOCATION_CAPABILITIES, { each: true })
  capabilities!: Array<(typeof LOCATION_CAPABILITIES)[number]>;
}

/** A partial update: only the fields sent change. */
export class UpdateLocationDto extends LocationAttributesDto {
  @ApiPropertyOptional({ example: 'Amsterdam flagship' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ enum: LOCATION_TYPES, example: 'store' })
  @IsOptional()
  @IsIn(LOCATION_TYPES)
  type?: (typeof LOCATION_TYPES)[number];

  @ApiPropertyOptional({ example: 52.3702 })
  @IsOptional()
  @IsLatitude()
  latitude?: number;

  @ApiPropertyOptional({ example: 4.8952 })
  @IsOptional()
  @IsLongitude()
  longitude?: number;

  @ApiPropertyOptional({ enum: LOCATION_CAPABILITIES, isArray: true, example: ['ship', 'pickup', 'same_day'] })
  @IsOptional()
  @ArrayUnique()
  @IsIn(LOCATION_CAPABILITIES, { each: true })
  capabilities?: Array<(typeof LOCATION_CAPABILITIES)[number]>;
}

/** Filters of GET /v1/locations; they combine. */
export class ListLocationsQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: LOCATION_TYPES, isArray: true, example: ['store', 'warehouse'], description: 'Any of these types (comma-separated or repeated)' })
  @IsOptional()
  @Transform(asList)
  @IsIn(LOCATION_TYPES, { each: true })
  type?: string[];

  @ApiPropertyOptional({ enum: LOCATION_CAPABILITIES, isArray: true, example: ['ship'], description: 'Every one of these capabilities' })
  @IsOptional()
  @Transform(asList)
  @IsIn(LOCATION_CAPABILITIES, { each: true })
  capability?: string[];

  @ApiPropertyOptional({ isArray: true, type: String, example: ['nl'], description: 'Any of these groups' })
  @IsOptional()
  @Transform(asList)
  @Matches(IDENTIFIER, { each: true, message: `each group ${IDENTIFIER_MESSAGE}` })
  group?: string[];

  @ApiPropertyOptional({ example: 'franchise-7' })
  @IsOptional()
  @Matches(IDENTIFIER, { message: `partnerId ${IDENTIFIER_MESSAGE}` })
  partnerId?: string;

  @ApiPropertyOptional({ example: false, description: 'Also list deactivated locations' })
  @IsOptional()
  @Transform(asBoolean)
  @IsBoolean()
  includeInactive?: boolean;
}
