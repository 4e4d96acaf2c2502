import { ApiProperty } from '@nestjs/swagger';

/** A partner (merchant, franchisee) and the locations it owns. */
export class PartnerView {
  @ApiProperty({ example: 'franchise-north', description: 'Lowercase id, unique in the tenant; sent to services as x-partner-id' })
  id!: string;

  @ApiProperty({ example: 'Franchise North BV' })
  name!: string;

  @ApiProperty({
    type: [String],
    format: 'uuid',
    example: ['0b7f1c2e-4c1a-4d8e-9a57-0c1f7b9d2e11'],
    description: 'Inventory location ids this partner owns; its keys see only objects touching them',
  })
  locationIds!: string[];

  @ApiProperty({ example: '2026-11-02T09:30:00.000Z', format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ example: '2026-11-02T09:30:00.000Z', format: 'date-time' })
  updatedAt!: string;
}
