import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DimensionsDto, SafetyStockRuleDto } from './items.dto';

export class ItemView {
  @ApiProperty({ example: 'TSHIRT-BLUE-M' })
  sku!: string;

  @ApiProperty({ example: 'T-shirt, blue, M' })
  name!: string;

  @ApiProperty({ example: 'apparel' })
  productGroup!: string;

  @ApiProperty({ example: 1999 })
  unitValueMinor!: number;

  @ApiProperty({ example: 250 })
  weightGrams!: number;

  @ApiPropertyOptional({ type: DimensionsDto })
  dimensions?: DimensionsDto;

  @ApiProperty({ example: 1 })
  safetyStock!: number;

  @ApiProperty({ type: [SafetyStockRuleDto] })
  safetyStockByLocationType!: SafetyStockRuleDto[];

  @ApiPropertyOptional({ example: 5, description: 'Absent: no low-stock events' })
  lowStockThreshold?: number;

  @ApiProperty({ example: '2026-11-01T10:00:00.000Z' })
  createdAt!: string;

  @ApiProperty({ example: '2026-11-01T10:00:00.000Z' })
  updatedAt!: string;
}

export class ItemPageView {
  @ApiProperty({ type: [ItemView] })
  items!: ItemView[];

  @ApiProperty({ type: String, nullable: true, example: null })
  nextCursor!: string | null;
}
