import { ApiProperty } from '@nestjs/swagger';
import { UUID_EXAMPLE } from './inventory-vocabulary';

export class StockPositionView {
  @ApiProperty({ example: 'TSHIRT-BLUE-M' })
  sku!: string;

  @ApiProperty({ example: UUID_EXAMPLE, format: 'uuid' })
  locationId!: string;

  @ApiProperty({ example: 24 })
  onHand!: number;

  @ApiProperty({ example: 3 })
  reserved!: number;

  @ApiProperty({ example: 1 })
  safetyStock!: number;

  @ApiProperty({ example: 20, description: 'on hand − reserved − safety stock, never below 0' })
  available!: number;
}

export class StockOperationView {
  @ApiProperty({ type: StockPositionView })
  position!: StockPositionView;

  @ApiProperty({ example: true, description: 'False when the reference was booked before: nothing changed now' })
  applied!: boolean;
}

export class CountView extends StockOperationView {
  @ApiProperty({ example: -2, description: 'On hand after minus before' })
  difference!: number;

  @ApiProperty({ example: 0, description: 'Units missing that stay booked because orders hold them' })
  unresolvedShortfall!: number;
}

export class MovementView {
  @ApiProperty({ example: UUID_EXAMPLE, format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 1042, description: 'Ledger order' })
  seq!: number;

  @ApiProperty({ example: 'TSHIRT-BLUE-M' })
  sku!: string;

  @ApiProperty({ example: UUID_EXAMPLE, format: 'uuid' })
  locationId!: string;

  @ApiProperty({ example: 'count' })
  type!: string;

  @ApiProperty({ example: -2 })
  onHandDelta!: number;

  @ApiProperty({ example: 0 })
  reservedDelta!: number;

  @ApiProperty({ example: 'CC-2026-11-01' })
  reference!: string;

  @ApiProperty({ example: 'cycle count aisle 4' })
  reason!: string;

  @ApiProperty({ example: 'key:7c9e6679-7425-40de-944b-e07fc1f90ae7', description: 'Who booked it' })
  principal!: string;

  @ApiProperty({ example: '2026-11-01T10:00:00.000Z' })
  createdAt!: string;
}

export class PositionPageView {
  @ApiProperty({ type: [StockPositionView] })
  items!: StockPositionView[];

  @ApiProperty({ type: String, nullable: true, example: null })
  nextCursor!: string | null;
}

export class MovementPageView {
  @ApiProperty({ type: [MovementView] })
  items!: MovementView[];

  @ApiProperty({ type: String, nullable: true, example: null })
  nextCursor!: string | null;
}
