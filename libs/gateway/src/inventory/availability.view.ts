import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { UUID_EXAMPLE } from './inventory-vocabulary';

export class LocationAvailabilityView {
  @ApiProperty({ example: UUID_EXAMPLE, format: 'uuid' })
  locationId!: string;

  @ApiProperty({ example: 'ST-AMS' })
  locationCode!: string;

  @ApiProperty({ example: 'Amsterdam Kalverstraat' })
  locationName!: string;

  @ApiProperty({ example: 'store' })
  locationType!: string;

  @ApiProperty({ example: ['ship', 'pickup'] })
  capabilities!: string[];

  @ApiProperty({ example: ['nl'] })
  groups!: string[];

  @ApiProperty({ example: 52.3702 })
  latitude!: number;

  @ApiProperty({ example: 4.8952 })
  longitude!: number;

  @ApiPropertyOptional({ example: 1.2, description: 'Present when coordinates were given' })
  distanceKm?: number;

  @ApiProperty({ example: 8 })
  onHand!: number;

  @ApiProperty({ example: 2 })
  reserved!: number;

  @ApiProperty({ example: 1 })
  safetyStock!: number;

  @ApiProperty({ example: 5, description: 'ATP now' })
  available!: number;

  @ApiProperty({ example: 12, description: 'Inbound expected by asOf' })
  inbound!: number;

  @ApiProperty({ example: 17, description: 'available + inbound' })
  availableByDate!: number;

  @ApiPropertyOptional({ example: 250, description: 'Absent: unlimited' })
  dailyCapacity?: number;

  @ApiProperty({ example: 150 })
  handlingCostMinor!: number;

  @ApiProperty({ example: '' })
  partnerId!: string;

  @ApiProperty({ example: 'Europe/Amsterdam' })
  timeZone!: string;
}

export class SkuAvailabilityView {
  @ApiProperty({ example: 'TSHIRT-BLUE-M' })
  sku!: string;

  @ApiProperty({ example: 5 })
  totalAvailable!: number;

  @ApiProperty({ example: 17 })
  totalAvailableByDate!: number;

  @ApiProperty({ type: [LocationAvailabilityView] })
  locations!: LocationAvailabilityView[];
}

export class CartAvailabilityView {
  @ApiProperty({ type: [SkuAvailabilityView] })
  skus!: SkuAvailabilityView[];

  @ApiProperty({ example: '2026-11-05T00:00:00.000Z', description: 'Empty when no asOf was asked' })
  asOf!: string;
}
