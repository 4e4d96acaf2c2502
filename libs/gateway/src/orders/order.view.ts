import { ApiProperty } from '@nestjs/swagger';
import { AddressView } from './address.view';
import { OrderLineView } from './order-line.view';

/** Other routes embed the address schema; it lives in its own file. */
export { AddressView } from './address.view';

/** An order as the orders service returns it. */
export class OrderView {
  @ApiProperty({ example: '7c9e6679-7425-40de-944b-e07fc1f90ae7', format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'web' })
  channel!: string;

  @ApiProperty({ example: 'WEB-1001' })
  channelOrderId!: string;

  @ApiProperty({ example: 'ada@example.com' })
  customerEmail!: string;

  @ApiProperty({ example: 'EUR' })
  currency!: string;

  @ApiProperty({ example: 'ship_to_address' })
  deliveryMethod!: string;

  @ApiProperty({ type: AddressView })
  shipTo!: AddressView;

  @ApiProperty({ type: [OrderLineView] })
  lines!: OrderLineView[];

  @ApiProperty({ example: 'sourced' })
  status!: string;

  @ApiProperty({ example: 1999, description: 'Minor units (cents)' })
  totalMinor!: number;

  @ApiProperty({ example: '2026-11-02T09:30:00.000Z', format: 'date-time' })
  createdAt!: string;
}
