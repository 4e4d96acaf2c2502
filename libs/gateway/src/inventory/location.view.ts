import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { UUID_EXAMPLE } from './inventory-vocabulary';
import { LocationAddressDto, OpeningHoursDto } from './locations.dto';

export class LocationView {
  @ApiProperty({ example: UUID_EXAMPLE, format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'ST-AMS' })
  code!: string;

  @ApiProperty({ example: 'Amsterdam Kalverstraat' })
  name!: string;

  @ApiProperty({ example: 'store' })
  type!: string;

  @ApiProperty({ example: 52.3702 })
  latitude!: number;

  @ApiProperty({ example: 4.8952 })
  longitude!: number;

  @ApiProperty({ example: ['ship', 'pickup'] })
  capabilities!: string[];

  @ApiProperty({ example: true, description: 'False once deactivated: out of availability and sourcing' })
  active!: boolean;

  @ApiPropertyOptional({ type: LocationAddressDto })
  address?: LocationAddressDto;

  @ApiProperty({ example: 'Europe/Amsterdam' })
  timeZone!: string;

  @ApiProperty({ type: [OpeningHoursDto] })
  openingHours!: OpeningHoursDto[];

  @ApiPropertyOptional({ example: 250, description: 'Absent: unlimited' })
  dailyCapacity?: number;

  @ApiProperty({ example: 150 })
  handlingCostMinor!: number;

  @ApiProperty({ example: 'franchise-7', description: 'Empty when the tenant owns it' })
  partnerId!: string;

  @ApiProperty({ example: ['nl', 'randstad'] })
  groups!: string[];

  @ApiProperty({ example: '2026-11-01T10:00:00.000Z' })
  createdAt!: string;

  @ApiProperty({ example: '2026-11-01T10:00:00.000Z' })
  updatedAt!: string;
}

export class LocationPageView {
  @ApiProperty({ type: [LocationView] })
  items!: LocationView[];

  @ApiProperty({ type: String, nullable: true, example: null, description: 'Cursor of the next page; null on the last' })
  nextCursor!: string | null;
}
