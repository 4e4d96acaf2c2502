import { ApiProperty } from '@nestjs/swagger';
import { UUID_EXAMPLE } from './inventory-vocabulary';

export class InboundLineView {
  @ApiProperty({ example: '1' })
  lineId!: string;

  @ApiProperty({ example: 'TSHIRT-BLUE-M' })
  sku!: string;

  @ApiProperty({ example: UUID_EXAMPLE, format: 'uuid' })
  locationId!: string;

  @ApiProperty({ example: 120 })
  expectedQuantity!: number;

  @ApiProperty({ example: 60 })
  receivedQuantity!: number;

  @ApiProperty({ example: '2026-11-05T09:00:00.000Z' })
  eta!: string;

  @ApiProperty({ example: 0, description: 'Received beyond expected' })
  overReceived!: number;

  @ApiProperty({ example: 60, description: 'Still expected' })
  openQuantity!: number;

  @ApiProperty({ example: 0, description: 'Expected but not received when closed' })
  shortClosed!: number;
}

export class InboundSupplyView {
  @ApiProperty({ example: UUID_EXAMPLE, format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'purchase_order', enum: ['purchase_order', 'asn', 'transfer'] })
  kind!: string;

  @ApiProperty({ example: 'PO-2026-0042' })
  reference!: string;

  @ApiProperty({ example: 'ACME Textiles' })
  supplier!: string;

  @ApiProperty({ example: '', description: 'Where a transfer comes from' })
  sourceLocationId!: string;

  @ApiProperty({ example: 'partially_received', enum: ['open', 'partially_received', 'received', 'closed'] })
  status!: string;

  @ApiProperty({ type: [InboundLineView] })
  lines!: InboundLineView[];

  @ApiProperty({ example: '2026-11-01T10:00:00.000Z' })
  createdAt!: string;

  @ApiProperty({ example: '2026-11-02T08:00:00.000Z' })
  updatedAt!: string;
}

export class InboundPageView {
  @ApiProperty({ type: [InboundSupplyView] })
  items!: InboundSupplyView[];

  @ApiProperty({ type: String, nullable: true, example: null })
  nextCursor!: string | null;
}
