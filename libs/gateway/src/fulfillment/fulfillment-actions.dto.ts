import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

export const CARRIER_STRATEGIES = ['cheapest', 'fastest', 'best_insurance'] as const;

export class RejectFulfillmentDto {
  @ApiProperty({ example: 'damaged in store', description: 'Why the location gives the work back (1-200 characters)' })
  @IsString()
  @Length(1, 200)
  reason!: string;
}

export class LineQuantityDto {
  @ApiProperty({ example: '9b2d7e1c-0a4f-4b3e-8c6d-5f1e2a3b4c5d', description: 'The order line' })
  @IsString()
  @Length(1, 64)
  lineId!: string;

  @ApiProperty({ example: 2, minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(100000)
  quantity!: number;
}

export class PickDto {
  @ApiProperty({
    type: [LineQuantityDto],
    description: 'The quantity found of every line still to pick (0 when none was found). What is missing is short-picked: given back for re-sourcing.',
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => LineQuantityDto)
  lines!: LineQuantityDto[];

  @ApiPropertyOptional({
    example: ['TSHIRT-BLUE-M', 'TSHIRT-BLUE-M', 'MUG-WHITE'],
    description: 'The SKU of every unit scanned (one entry per unit); when given, the scans per SKU must match the confirmed quantities',
  })
  @IsOptional()
  @ArrayMaxSize(10000)
  @IsString({ each: true })
  @Length(1, 64, { each: true })
  scannedSkus?: string[];
}

export class PackageLineDto {
  @ApiProperty({ example: '9b2d7e1c-0a4f-4b3e-8c6d-5f1e2a3b4c5d' })
  @IsString()
  @Length(1, 64)
  lineId!: string;

  @ApiProperty({ example: 1, minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(100000)
  quantity!: number;
}

export class PackageDto {
  @ApiProperty({ example: 1250, description: 'Gross weight in grams' })
  @IsInt()
  @Min(1)
  @Max(2_000_000)
  weightGrams!: number;

  @ApiProperty({ example: 300 })
  @IsInt()
  @Min(1)
  @Max(10_000)
  lengthMm!: number;

  @ApiProperty({ example: 200 })
  @IsInt()
  @Min(1)
  @Max(10_000)
  widthMm!: number;

  @ApiProperty({ example: 100 })
  @IsInt()
  @Min(1)
  @Max(10_000)
  heightMm!: number;

  @ApiPropertyOptional({ type: [PackageLineDto], description: 'What is in it; omit with a single package: it holds everything picked' })
  @IsOptional()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => PackageLineDto)
  lines?: PackageLineDto[];
}

export class PackDto {
  @ApiProperty({ type: [PackageDto] })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PackageDto)
  packages!: PackageDto[];
}

export class ShipDto {
  @ApiPropertyOptional({ example: 'baton-parcel', description: 'Only this carrier (else every carrier is considered)' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{1,39}$/, { message: 'carrierId must be a carrier id such as baton-parcel' })
  carrierId?: string;

  @ApiPropertyOptional({ example: 'express', description: 'This service of carrierId (else chosen per package by the strategy)' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{0,39}$/, { message: 'serviceCode must be a service code such as express' })
  serviceCode?: string;

  @ApiPropertyOptional({ enum: CARRIER_STRATEGIES, description: "Overrides the order's strategy (else the tenant's default)" })
  @IsOptional()
  @IsIn(CARRIER_STRATEGIES)
  strategy?: (typeof CARRIER_STRATEGIES)[number];
}

export class HandOverDto {
  @ApiProperty({ example: '482913', description: 'The code the customer received' })
  @Matches(/^\d{6}$/, { message: 'pickupCode must be the 6-digit code the customer received' })
  pickupCode!: string;

  @ApiPropertyOptional({ type: [PackageLineDto], description: 'Partial collection: only these units; omit to hand over everything waiting' })
  @IsOptional()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => PackageLineDto)
  lines?: PackageLineDto[];
}

export class ArriveDto {
  @ApiPropertyOptional({ example: 'bay 3, red Volvo', description: 'Where the customer waits' })
  @IsOptional()
  @IsString()
  @Length(0, 200)
  note?: string;
}
