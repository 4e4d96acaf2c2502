import { ApiProperty } from '@nestjs/swagger';
import { UUID_EXAMPLE } from './inventory-vocabulary';

export class ReservationView {
  @ApiProperty({ example: UUID_EXAMPLE, format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'ORDER-2026-0001' })
  orderId!: string;

  @ApiProperty({ example: 'line-1' })
  lineId!: string;

  @ApiProperty({ example: 'TSHIRT-BLUE-M' })
  sku!: string;

  @ApiProperty({ example: UUID_EXAMPLE, format: 'uuid' })
  locationId!: string;

  @ApiProperty({ example: 2 })
  quantity!: number;

  @ApiProperty({ example: 'held', enum: ['held', 'confirmed', 'released', 'consumed', 'expired'] })
  status!: string;

  @ApiProperty({ example: '2026-11-01T10:15:00.000Z', description: 'Held until then unless confirmed' })
  expiresAt!: string;

  @ApiProperty({ example: 0 })
  releasedQuantity!: number;

  @ApiProperty({ example: 0 })
  consumedQuantity!: number;

  @ApiProperty({ example: 2, description: 'Still held' })
  openQuantity!: number;

  @ApiProperty({ example: '', description: 'When it was confirmed; empty while held' })
  confirmedAt!: string;
}

export class ReservationListView {
  @ApiProperty({ type: [ReservationView] })
  items!: ReservationView[];
}
