import { ApiProperty } from '@nestjs/swagger';

/** A tenant as the admin API shows it. */
export class TenantView {
  @ApiProperty({ example: 'acme-retail', description: 'Lowercase id chosen by the operator; every service stores it' })
  id!: string;

  @ApiProperty({ example: 'ACME Retail' })
  name!: string;

  @ApiProperty({ example: '2026-11-02T09:30:00.000Z', format: 'date-time' })
  createdAt!: string;
}
