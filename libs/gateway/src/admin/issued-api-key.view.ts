import { ApiProperty } from '@nestjs/swagger';
import { ApiKeyView } from './api-key.view';

/** A newly issued key: the only time the key itself is shown. */
export class IssuedApiKeyView {
  @ApiProperty({
    example: 'bk_Zr4x9QmV2sT7yLw0pXcA1bN8dE5fG3hJ6kU9iO2rS4t',
    description: 'The key. Shown once: only its hash is stored',
  })
  key!: string;

  @ApiProperty({ type: ApiKeyView })
  apiKey!: ApiKeyView;
}
