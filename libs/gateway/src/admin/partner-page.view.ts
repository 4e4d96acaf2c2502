import { ApiProperty } from '@nestjs/swagger';
import { PartnerView } from './partner.view';

export class PartnerPageView {
  @ApiProperty({ type: [PartnerView] })
  items!: PartnerView[];

  @ApiProperty({ type: String, nullable: true, example: null, description: 'Cursor of the next page; null on the last page' })
  nextCursor!: string | null;
}
