import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsNumber, IsObject, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';

/**
 * The shape of a tenant's sourcing rules at the edge: types are checked here, meaning (strategy
 * names, capabilities, zones referenced by rates…) by the orders service, which names every bad
 * field as `rules.<path>`.
 */
export class WeightsDto {
  @ApiProperty({ example: 1, description: 'Per currency unit of cost' })
  @IsNumber()
  cost!: number;

  @ApiProperty({ example: 5, description: 'Per day until the last shipment arrives' })
  @IsNumber()
  etaDay!: number;

  @ApiProperty({ example: 3, description: 'Per shipment beyond the first' })
  @IsNumber()
  split!: number;

  @ApiProperty({ example: 0.1, description: 'Per currency unit left uninsured' })
  @IsNumber()
  uninsured!: number;

  @ApiProperty({ example: 0, description: 'Per km between locations and destination' })
  @IsNumber()
  distanceKm!: number;
}

export class MethodRuleDto {
  @ApiProperty({ example: 'ship_to_address' })
  @IsString()
  deliveryMethod!: string;

  @ApiProperty({ example: ['warehouse', 'store'] })
  @IsArray()
  @IsString({ each: true })
  allowedLocationTypes!: string[];

  @ApiProperty({ example: ['ship'] })
  @IsArray()
  @IsString({ each: true })
  requiredCapabilities!: string[];
}

export class HoldRulesDto {
  @ApiPropertyOptional({ example: 250000 })
  @IsOptional()
  @IsInt()
  valueLimitMinor?: number;

  @ApiPropertyOptional({ example: 80 })
  @IsOptional()
  @IsInt()
  fraudScoreThreshold?: number;

  @ApiProperty({ example: true })
  @IsBoolean()
  holdOnAddressMismatch!: boolean;
}

export class CarrierZoneDto {
  @ApiProperty({ example: 'domestic' })
  @IsString()
  code!: string;

  @ApiPropertyOptional({ example: ['NL'] })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  countries?: string[];

  @ApiPropertyOptional({ example: 25 })
  @IsOptional()
  @IsNumber()
  maxDistanceKm?: number;
}

export class CarrierRateDto {
  @ApiProperty({ example: 'domestic' })
  @IsString()
  zone!: string;

  @ApiProperty({ example: 2000 })
  @IsInt()
  maxWeightGrams!: number;

  @ApiProperty({ example: 495 })
  @IsInt()
  priceMinor!: number;
}

export class CarrierServicePlanDto {
  @ApiProperty({ example: 'baton-parcel:standard' })
  @IsString()
  id!: string;

  @ApiPropertyOptional({ example: 'baton-parcel' })
  @IsOptional()
  @IsString()
  carrier?: string;

  @ApiPropertyOptional({ example: 'Parcel Standard' })
  @IsOptional()
  @IsString()
  name?: string;

  @ApiProperty({ example: 'EUR' })
  @IsString()
  currency!: string;

  @ApiProperty({ type: [CarrierZoneDto] })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => CarrierZoneDto)
  zones!: CarrierZoneDto[];

  @ApiProperty({ example: 1 })
  @IsInt()
  transitDays!: number;

  @ApiPropertyOptional({ example: { eu: 3 } })
  @IsOptional()
  @IsObject()
  transitDaysByZone?: Record<string, number>;

  @ApiProperty({ type: [CarrierRateDto] })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => CarrierRateDto)
  rates!: CarrierRateDto[];

  @ApiProperty({ example: '16:00', description: 'HH:MM, UTC' })
  @IsString()
  cutoff!: string;

  @ApiProperty({ example: false })
  @IsBoolean()
  sameDay!: boolean;

  @ApiProperty({ example: false })
  @IsBoolean()
  timeWindow!: boolean;

  @ApiProperty({ example: 50000 })
  @IsInt()
  insuredValueLimitMinor!: number;
}

export class SourcingRulesDto {
  @ApiProperty({ example: 'cheapest', enum: ['fastest', 'cheapest', 'best_coverage', 'fewest_splits', 'weighted'] })
  @IsString()
  defaultStrategy!: string;

  @ApiProperty({ type: WeightsDto })
  @IsObject()
  @ValidateNested()
  @Type(() => WeightsDto)
  weights!: WeightsDto;

  @ApiProperty({ type: [MethodRuleDto], description: 'Overrides of the built-in rule per delivery method' })
  @ArrayMaxSize(20)
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => MethodRuleDto)
  methods!: MethodRuleDto[];

  @ApiProperty({ example: 2 })
  @IsInt()
  maxSplits!: number;

  @ApiProperty({ example: true })
  @IsBoolean()
  keepLinesWhole!: boolean;

  @ApiProperty({ example: false, description: 'Backorder against inbound supply instead of refusing with 409' })
  @IsBoolean()
  allowBackorder!: boolean;

  @ApiProperty({ example: 'cancel', enum: ['backorder', 'cancel'], description: 'What re-sourcing does when nothing is left' })
  @IsString()
  whenNothingLeft!: string;

  @ApiProperty({ example: [] })
  @IsArray()
  @IsString({ each: true })
  excludedLocationIds!: string[];

  @ApiProperty({ type: HoldRulesDto })
  @IsObject()
  @ValidateNested()
  @Type(() => HoldRulesDto)
  holds!: HoldRulesDto;

  @ApiProperty({ type: [CarrierServicePlanDto], description: 'The carrier planning table the engine prices shipments with' })
  @ArrayMaxSize(100)
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => CarrierServicePlanDto)
  carrierServices!: CarrierServicePlanDto[];

  @ApiProperty({ example: 30 })
  @IsInt()
  @Min(1)
  @Max(365)
  backorderHorizonDays!: number;
}

/** POST /v1/sourcing-rules — a new draft version. */
export class SaveSourcingRulesDto {
  @ApiProperty({ type: SourcingRulesDto })
  @IsObject()
  @ValidateNested()
  @Type(() => SourcingRulesDto)
  rules!: SourcingRulesDto;

  @ApiPropertyOptional({ example: 'prefer stores for same-day' })
  @IsOptional()
  @IsString()
  @Length(0, 500)
  note?: string;
}
