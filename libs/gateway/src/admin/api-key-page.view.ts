import { ApiProperty } from '@nestjs/swagger';
import { ApiKeyView } from './api-key.view';

export class ApiKeyPageView {
  @ApiProperty({ type: [ApiKeyView] })
  items!: ApiKeyView[];

  @ApiProperty({ type: String, nullable: true, example: null, description: 'Cursor of the next page; null on the last page' })
  nextCursor!: string | null;
}
