import { ApiProperty } from '@nestjs/swagger';

export class CarrierIngestView {
  @ApiProperty({ example: 2, description: 'Scans taken (each becomes a step on the timeline)' })
  accepted!: number;

  @ApiProperty({ example: 0, description: 'Scans already taken before (a re-sent webhook)' })
  duplicates!: number;
}

export class CarrierTrackingSettingsView {
  @ApiProperty({ example: 'dhl' })
  carrier!: string;

  @ApiProperty({ example: '2026-11-01T08:00:00.000Z' })
  updatedAt!: string;
}
