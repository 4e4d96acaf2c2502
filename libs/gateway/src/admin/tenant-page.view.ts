import { ApiProperty } from '@nestjs/swagger';
import { TenantView } from './tenant.view';

export class TenantPageView {
  @ApiProperty({ type: [TenantView] })
  items!: TenantView[];

  @ApiProperty({ type: String, nullable: true, example: null, description: 'Cursor of the next page; null on the last page' })
  nextCursor!: string | null;
}
