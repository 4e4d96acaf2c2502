import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { AddressDto } from '../orders/place-order.dto';
import { CARRIER_STRATEGIES } from './fulfillment-actions.dto';

export class CreatePickListDto {
  @ApiProperty({ format: 'uuid', description: 'The location picking' })
  @IsUUID()
  locationId!: string;

  @ApiPropertyOptional({ format: 'uuid', isArray: true, description: 'These accepted fulfilments; omit for the next ones of the queue' })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  fulfillmentIds?: string[];

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  maxFulfillments?: number;
}

export class ParcelDto {
  @ApiProperty({ example: 1250 })
  @IsInt()
  @Min(1)
  @Max(2_000_000)
  weightGrams!: number;

  @ApiPropertyOptional({ example: 300 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000)
  lengthMm?: number;

  @ApiPropertyOptional({ example: 200 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000)
  widthMm?: number;

  @ApiPropertyOptional({ example: 100 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000)
  heightMm?: number;

  @ApiPropertyOptional({ example: 4999, description: 'Value of the goods inside, in minor units, for insurance' })
  @IsOptional()
  @IsInt()
  @Min(0)
  valueMinor?: number;
}

export const QUOTE_METHODS = ['ship_to_address', 'same_day', 'scheduled_window', 'drop_ship', 'ship_to_store', 'transfer'] as const;

export class QuoteDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'A configured location goods leave from (its address is the origin)' })
  @IsOptional()
  @IsUUID()
  originLocationId?: string;

  @ApiPropertyOptional({ type: AddressDto, description: 'The origin, when no configured location is named' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AddressDto)
  origin?: AddressDto;

  @ApiProperty({ type: AddressDto })
  @ValidateNested()
  @Type(() => AddressDto)
  destination!: AddressDto;

  @ApiProperty({ type: [ParcelDto] })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ParcelDto)
  parcels!: ParcelDto[];

  @ApiPropertyOptional({ enum: QUOTE_METHODS, description: 'same_day and scheduled_window need the capability' })
  @IsOptional()
  @IsIn(QUOTE_METHODS)
  deliveryMethod?: (typeof QUOTE_METHODS)[number];

  @ApiPropertyOptional({ example: '2026-11-19T17:00:00Z' })
  @IsOptional()
  @IsISO8601()
  windowStart?: string;

  @ApiPropertyOptional({ example: '2026-11-19T19:00:00Z' })
  @IsOptional()
  @IsISO8601()
  windowEnd?: string;

  @ApiPropertyOptional({ example: '2026-11-18T10:00:00Z', description: 'When the goods are ready (default now)' })
  @IsOptional()
  @IsISO8601()
  readyAt?: string;

  @ApiPropertyOptional({ enum: CARRIER_STRATEGIES, description: 'Rank the quotes by it, the selected one first' })
  @IsOptional()
  @IsIn(CARRIER_STRATEGIES)
  strategy?: (typeof CARRIER_STRATEGIES)[number];
}

export const SCAN_STATUSES = ['info_received', 'in_transit', 'out_for_delivery', 'failed_attempt', 'exception', 'returned_to_sender', 'delivered'] as const;

export class TrackingUpdateDto {
  @ApiProperty({ example: 'BP1234567890128' })
  @Matches(/^[A-Z0-9]{4,40}$/, { message: 'trackingNumber must be the carrier tracking number' })
  trackingNumber!: string;

  @ApiProperty({ enum: SCAN_STATUSES, example: 'delivered' })
  @IsIn(SCAN_STATUSES)
  status!: (typeof SCAN_STATUSES)[number];

  @ApiProperty({ example: '2026-11-19T10:42:00Z' })
  @IsISO8601()
  occurredAt!: string;

  @ApiPropertyOptional({ example: 'Left at the front door' })
  @IsOptional()
  @IsString()
  @Length(0, 500)
  detail?: string;
}

export class ConfigureLocationDto {
  @ApiProperty({ example: 120, description: 'Fulfilments it may accept a day; 0 = no limit' })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  dailyCapacity!: number;

  @ApiPropertyOptional({ example: 'Europe/Amsterdam', description: 'The time zone its day runs in (default UTC)' })
  @IsOptional()
  @Matches(/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/, { message: 'timeZone must be an IANA time zone such as Europe/Amsterdam' })
  timeZone?: string;

  @ApiPropertyOptional({ type: AddressDto, description: 'Its address: the origin for rating and labels, the destination of transfers' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AddressDto)
  address?: AddressDto;
}

export class FulfillmentPolicyDto {
  @ApiProperty({ example: 120, description: 'Work not started (picking) this long after it arrived is late' })
  @IsInt()
  @Min(1)
  @Max(10_080)
  startWithinMinutes!: number;

  @ApiProperty({ enum: ['flag', 'reject'], description: 'flag: only flag late work; reject: take it back (reason timeout) to be re-sourced' })
  @IsIn(['flag', 'reject'])
  onLate!: 'flag' | 'reject';

  @ApiProperty({ example: 72, description: 'Uncollected pickups expire this long after they became ready' })
  @IsInt()
  @Min(1)
  @Max(720)
  pickupExpiryHours!: number;

  @ApiProperty({ enum: ['cancel', 'reoffer'], description: 'What orders should do with the lines of an expired pickup' })
  @IsIn(['cancel', 'reoffer'])
  onPickupExpiry!: 'cancel' | 'reoffer';

  @ApiProperty({ example: 120, description: 'How long a location needs to have a pickup ready (its due time)' })
  @IsInt()
  @Min(0)
  @Max(10_080)
  pickupPrepMinutes!: number;

  @ApiProperty({ enum: CARRIER_STRATEGIES, description: 'Carrier selection when the order names none' })
  @IsIn(CARRIER_STRATEGIES)
  defaultCarrierStrategy!: (typeof CARRIER_STRATEGIES)[number];
}
