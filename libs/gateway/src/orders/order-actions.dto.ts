import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateNested,
  IsObject,
} from 'class-validator';

export const ORDER_STATUSES = [
  'created',
  'on_hold',
  'sourced',
  'backordered',
  'partially_shipped',
  'shipped',
  'ready_for_pickup',
  'delivered',
  'collected',
  'completed',
  'partially_cancelled',
  'cancelled',
  'partially_returned',
  'returned',
] as const;

const list = ({ value }: { value: unknown }) =>
  value === undefined ? undefined : (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).filter(Boolean);

/** Filters and page of GET /v1/orders. */
export class ListOrdersQueryDto {
  @ApiPropertyOptional({ example: 'sourced,on_hold', description: 'One or more statuses, comma-separated' })
  @IsOptional()
  @Transform(list)
  @IsArray()
  @IsIn(ORDER_STATUSES, { each: true })
  status?: string[];

  @ApiPropertyOptional({ example: 'web' })
  @IsOptional()
  @IsString()
  @Length(1, 32)
  channel?: string;

  @ApiPropertyOptional({ example: 'WEB-10001' })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  channelOrderId?: string;

  @ApiPropertyOptional({ example: '2026-11-01T00:00:00Z', format: 'date-time', description: 'Created at or after' })
  @IsOptional()
  @IsISO8601()
  createdFrom?: string;

  @ApiPropertyOptional({ example: '2026-12-01T00:00:00Z', format: 'date-time', description: 'Created before' })
  @IsOptional()
  @IsISO8601()
  createdTo?: string;

  @ApiPropertyOptional({ description: 'Orders allocated at (or going to) this location' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  locationId?: string;

  @ApiPropertyOptional({ example: 'ada@example.com', description: 'Customer email (case-insensitive) or customer id' })
  @IsOptional()
  @IsString()
  @Length(1, 254)
  customer?: string;

  @ApiPropertyOptional({ example: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;

  @ApiPropertyOptional({ description: 'nextPageToken of the previous page' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  pageToken?: string;
}

export class CancelLineDto {
  @ApiProperty({ format: 'uuid', description: 'The order line' })
  @IsUUID()
  lineId!: string;

  @ApiPropertyOptional({ example: 1, description: 'Units to cancel; absent = all that can still be cancelled' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  quantity?: number;
}

/** POST /v1/orders/:id/cancel — the whole order, or some quantities of some lines. */
export class CancelOrderDto {
  @ApiProperty({ example: 'customer changed their mind' })
  @IsString()
  @Length(1, 500)
  reason!: string;

  @ApiPropertyOptional({ type: [CancelLineDto], description: 'Absent or empty: the whole order' })
  @IsOptional()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => CancelLineDto)
  lines?: CancelLineDto[];
}

/** POST /v1/orders/:id/holds */
export class HoldOrderDto {
  @ApiProperty({ example: 'customer asked us to wait for a second item' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

/** POST /v1/orders/:id/release */
export class ReleaseOrderDto {
  @ApiPropertyOptional({ example: 'verified by phone' })
  @IsOptional()
  @IsString()
  @Length(0, 500)
  note?: string;
}

export class PromiseLineDto {
  @ApiProperty({ example: 'TSHIRT-BLUE-M' })
  @IsString()
  @Length(1, 64)
  sku!: string;

  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  quantity!: number;

  @ApiProperty({ example: 1999 })
  @IsInt()
  @Min(0)
  unitPriceMinor!: number;

  @ApiPropertyOptional({ example: 350 })
  @IsOptional()
  @IsInt()
  @Min(0)
  unitWeightGrams?: number;
}

export class PromiseDestinationDto {
  @ApiProperty({ example: 'NL', description: 'ISO 3166-1 alpha-2' })
  @IsString()
  @Length(2, 2)
  country!: string;

  @ApiPropertyOptional({ example: '1012 LG' })
  @IsOptional()
  @IsString()
  @Length(1, 20)
  postalCode?: string;

  @ApiPropertyOptional({ example: 'Amsterdam' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  city?: string;

  @ApiPropertyOptional({ example: 52.3731 })
  @IsOptional()
  @Min(-90)
  @Max(90)
  latitude?: number;

  @ApiPropertyOptional({ example: 4.8926 })
  @IsOptional()
  @Min(-180)
  @Max(180)
  longitude?: number;
}

export class PromiseWindowDto {
  @ApiProperty({ format: 'date-time' })
  @IsISO8601()
  from!: string;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601()
  to!: string;
}

/** POST /v1/promise — a cart and where it would go; nothing is reserved. */
export class PromiseDeliveryDto {
  @ApiProperty({ type: [PromiseLineDto] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => PromiseLineDto)
  lines!: PromiseLineDto[];

  @ApiProperty({ example: 'EUR' })
  @IsString()
  currency!: string;

  @ApiProperty({ type: PromiseDestinationDto })
  @IsObject()
  @ValidateNested()
  @Type(() => PromiseDestinationDto)
  destination!: PromiseDestinationDto;

  @ApiPropertyOptional({ example: ['ship_to_address', 'click_and_collect'], description: 'Absent: address delivery, same-day and collection' })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  deliveryMethods?: string[];

  @ApiPropertyOptional({ example: 3, description: 'How many nearby stores to list for collection' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(20)
  maxStores?: number;

  @ApiPropertyOptional({ example: { from: '2026-12-03T14:00:00Z', to: '2026-12-03T16:00:00Z' } })
  @IsOptional()
  @ValidateNested()
  @Type(() => PromiseWindowDto)
  requestedWindow?: PromiseWindowDto;

  @ApiPropertyOptional({ description: 'The store for ship-to-store' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  pickupLocationId?: string;

  @ApiPropertyOptional({ example: 3, description: 'Try a draft version of the sourcing rules' })
  @IsOptional()
  @IsInt()
  @Min(1)
  rulesVersion?: number;
}
