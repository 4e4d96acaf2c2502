import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsString, IsUUID, Length, Matches } from 'class-validator';
import { ENTITY_ID } from './create-tenant.dto';
import { MayBeAbsent } from '../http/may-be-absent.decorator';

export const MAX_PARTNER_LOCATIONS = 1000;

/** A new partner in the caller's tenant; the tenant comes from the key, never from the body. */
export class CreatePartnerDto {
  @ApiProperty({ example: 'franchise-north', pattern: ENTITY_ID.source })
  @IsString()
  @Matches(ENTITY_ID, { message: 'id must be 2-40 lowercase letters, digits or dashes, starting with a letter or digit' })
  id!: string;

  @ApiProperty({ example: 'Franchise North BV', minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    example: ['0b7f1c2e-4c1a-4d8e-9a57-0c1f7b9d2e11'],
    description: 'Inventory location ids the partner owns (a location belongs to at most one partner)',
  })
  @MayBeAbsent()
  @ArrayMaxSize(MAX_PARTNER_LOCATIONS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  locationIds?: string[];
}
