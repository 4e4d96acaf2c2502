import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsEmail,
  IsIn,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

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
}

export const DELIVERY_METHODS = ['ship_to_address'] as const;

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

  @ApiProperty({ example: 'ship_to_address', enum: DELIVERY_METHODS })
  @IsIn(DELIVERY_METHODS)
  deliveryMethod!: (typeof DELIVERY_METHODS)[number];

  @ApiProperty({ type: AddressDto })
  @ValidateNested()
  @Type(() => AddressDto)
  shipTo!: AddressDto;

  @ApiProperty({ type: [OrderLineDto] })
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => OrderLineDto)
  lines!: OrderLineDto[];
}
