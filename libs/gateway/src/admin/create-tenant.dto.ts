import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

export const ENTITY_ID = /^[a-z0-9][a-z0-9-]{1,39}$/;

/** A new tenant: the operator chooses its id. */
export class CreateTenantDto {
  @ApiProperty({ example: 'acme-retail', pattern: ENTITY_ID.source })
  @IsString()
  @Matches(ENTITY_ID, { message: 'id must be 2-40 lowercase letters, digits or dashes, starting with a letter or digit' })
  id!: string;

  @ApiProperty({ example: 'ACME Retail', minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name!: string;
}
