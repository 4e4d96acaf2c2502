import { ApiProperty } from '@nestjs/swagger';
import { IssuedApiKeyView } from './issued-api-key.view';
import { TenantView } from './tenant.view';

/** A new tenant and its first admin key (shown once). */
export class CreatedTenantView {
  @ApiProperty({ type: TenantView })
  tenant!: TenantView;

  @ApiProperty({ type: IssuedApiKeyView })
  adminKey!: IssuedApiKeyView;
}
