import { ApiProperty } from '@nestjs/swagger';

/** A channel connection as the admin API shows it: never its secret. */
export class ChannelConnectionView {
  @ApiProperty({ example: '9f3a2b1c-4d5e-4f60-8a7b-1c2d3e4f5a6b', format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'shopify', enum: ['shopify'] })
  type!: 'shopify';

  @ApiProperty({ example: 'shopify', description: 'The Baton channel of the orders it delivers' })
  channel!: string;

  @ApiProperty({ example: 'EU web shop' })
  name!: string;

  @ApiProperty({
    example: '/v1/channels/shopify/9f3a2b1c-4d5e-4f60-8a7b-1c2d3e4f5a6b/orders',
    description: 'Where to point the shop’s orders/create webhook',
  })
  webhookPath!: string;

  @ApiProperty({ example: '2026-11-02T09:30:00.000Z', format: 'date-time' })
  createdAt!: string;
}

