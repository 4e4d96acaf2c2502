import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsLatitude,
  IsObject,
  IsOptional,
  IsLongitude,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
  IsArray,
} from 'class-validator';

/** Every delivery method the orders service can source; a line may name its own. */
export const DELIVERY_METHODS_ALL = [
  'ship_to_address',
  'same_day',
  'scheduled_window',
  'click_and_collect',
  'ship_to_store',
  'curbside',
  'drop_ship',
  'transfer',
] as const;

export class AddressDto {
  @ApiProperty({ example: 'Ada Lovelace' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ example: '12 Analytical Row' })
  @IsString()
  @Length(1, 200)
  line1!: string;

  @ApiPropertyOptional({ example: 'Flat 2' })
  @IsOptional()
  @IsString()
  @Length(0, 200)
  line2?: string;

  @ApiProperty({ example: 'London' })
  @IsString()
  @Length(1, 100)
  city!: string;

  @ApiProperty({ example: 'N1 9GU' })
  @IsString()
  @Length(1, 20)
  postalCode!: string;

  @ApiProperty({ example: 'GB', description: 'ISO 3166-1 alpha-2' })
  @Matches(/^[A-Z]{2}$/, { message: 'country must be an ISO 3166-1 alpha-2 code such as GB' })
  country!: string;

  @ApiPropertyOptional({ example: 51.5362 })
  @IsOptional()
  @IsLatitude()
  latitude?: number;

  @ApiPropertyOptional({ example: -0.1033 })
  @IsOptional()
  @IsLongitude()
  longitude?: number;
}

export class OrderLineDto {
  @ApiProperty({ example: 'TSHIRT-BLUE-M' })
  @IsString()
  @Length(1, 64)
  sku!: string;

  @ApiProperty({ example: 1, minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(100000)
  quantity!: number;

  @ApiProperty({ example: 1999, description: 'Unit price in minor units (cents)' })
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  unitPriceMinor!: number;

  @ApiPropertyOptional({ example: 380, description: 'Tax of the whole line, minor units' })
  @IsOptional()
  @IsInt()
  @Min(0)
  taxMinor?: number;

  @ApiPropertyOptional({ example: 200, description: 'Discount on the whole line, minor units' })
  @IsOptional()
  @IsInt()
  @Min(0)
  discountMinor?: number;

  @ApiPropertyOptional({ example: 'EUR', description: "When given, must be the order's currency" })
  @IsOptional()
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency?: string;

  @ApiPropertyOptional({ example: 'click_and_collect', enum: DELIVERY_METHODS_ALL, description: "This line's own delivery method (mixed carts)" })
  @IsOptional()
  @IsIn(DELIVERY_METHODS_ALL)
  deliveryMethod?: string;

  @ApiPropertyOptional({
    example: '0b7f1c2e-4c1a-4d8e-9a57-0c1f7b9d2e11',
    description: 'The store to collect at (click-and-collect, curbside) or the location to deliver to (ship-to-store, transfer)',
  })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  destinationLocationId?: string;

  @ApiPropertyOptional({ example: 350, description: 'Weight of one unit in grams (otherwise taken from the item)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  unitWeightGrams?: number;
}

export class CustomerDto {
  @ApiPropertyOptional({ example: 'CUST-42' })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  id?: string;

  @ApiPropertyOptional({ example: 'Ada Lovelace' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ example: '+31 20 123 4567' })
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{5,20}$/, { message: 'phone must be a phone number such as +31 20 123 4567' })
  phone?: string;
}

export class TimeWindowDto {
  @ApiProperty({ example: '2026-12-03T14:00:00Z', format: 'date-time' })
  @IsISO8601()
  from!: string;

  @ApiProperty({ example: '2026-12-03T16:00:00Z', format: 'date-time' })
  @IsISO8601()
  to!: string;
}

export class PaymentDto {
  @ApiProperty({ example: 'psp_8f3a2c' })
  @IsString()
  @Length(1, 128)
  reference!: string;

  @ApiProperty({ example: 4897, description: 'Authorised amount, minor units' })
  @IsInt()
  @Min(0)
  authorisedMinor!: number;

  @ApiPropertyOptional({ example: 'card' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  method?: string;
}

export const DELIVERY_METHODS = DELIVERY_METHODS_ALL;

/** What a channel sends to place an order. Status, tenant and totals are not accepted from clients. */
export class PlaceOrderDto {
  @ApiProperty({ example: 'web', description: 'The sales channel' })
  @IsString()
  @Matches(/^[a-z][a-z0-9_-]{0,31}$/, { message: 'channel must be a lowercase identifier such as web' })
  channel!: string;

  @ApiProperty({ example: 'WEB-10001', description: "The channel's own order id; makes re-delivery idempotent" })
  @IsString()
  @Length(1, 100)
  channelOrderId!: string;

  @ApiProperty({ example: 'ada@example.com' })
  @IsEmail()
  customerEmail!: string;

  @ApiProperty({ example: 'EUR' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code such as EUR' })
  currency!: string;

  @ApiProperty({ example: 'ship_to_address', enum: DELIVERY_METHODS, description: 'The delivery method of every line that names none' })
  @IsIn(DELIVERY_METHODS)
  deliveryMethod!: (typeof DELIVERY_METHODS)[number];

  @ApiPropertyOptional({ type: AddressDto, description: 'Required when a line is delivered to an address' })
  @IsOptional()
  @ValidateNested()
  @Type(() => AddressDto)
  shipTo?: AddressDto;

  @ApiPropertyOptional({ type: AddressDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => AddressDto)
  billingAddress?: AddressDto;

  @ApiPropertyOptional({ type: CustomerDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => CustomerDto)
  customer?: CustomerDto;

  @ApiPropertyOptional({ description: 'The location every line without its own goes to (ship-to-store, transfer) or is collected at' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  destinationLocationId?: string;

  @ApiPropertyOptional({ type: TimeWindowDto, description: 'Requested delivery date or window (required for scheduled_window)' })
  @IsOptional()
  @ValidateNested()
  @Type(() => TimeWindowDto)
  requestedWindow?: TimeWindowDto;

  @ApiPropertyOptional({ example: 5, minimum: 1, maximum: 9, description: '1 is most urgent' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(9)
  priority?: number;

  @ApiPropertyOptional({ example: 'fastest', enum: ['fastest', 'cheapest', 'best_coverage', 'fewest_splits', 'weighted'] })
  @IsOptional()
  @IsIn(['fastest', 'cheapest', 'best_coverage', 'fewest_splits', 'weighted'])
  sourcingPreference?: string;

  @ApiPropertyOptional({ type: PaymentDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PaymentDto)
  payment?: PaymentDto;

  @ApiPropertyOptional({ example: { giftWrap: 'yes' }, description: 'Free-form string attributes (at most 50)' })
  @IsOptional()
  @IsObject()
  attributes?: Record<string, string>;

  @ApiPropertyOptional({ example: 12, minimum: 0, maximum: 100 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  fraudScore?: number;

  @ApiPropertyOptional({ example: 'agent-17', description: 'Who placed it, when not the caller itself (call centre)' })
  @IsOptional()
  @IsString()
  @Length(1, 128)
  placedBy?: string;

  @ApiProperty({ type: [OrderLineDto] })
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => OrderLineDto)
  lines!: OrderLineDto[];
}
