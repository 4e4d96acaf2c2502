import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsString, IsUUID, Length } from 'class-validator';
import { MAX_PARTNER_LOCATIONS } from './create-partner.dto';
import { MayBeAbsent } from '../http/may-be-absent.decorator';

/** Changes to a partner: a new name and/or the full new set of its locations. */
export class UpdatePartnerDto {
  @ApiPropertyOptional({ example: 'Franchise North BV', minLength: 1, maxLength: 200 })
  @MayBeAbsent()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    example: ['0b7f1c2e-4c1a-4d8e-9a57-0c1f7b9d2e11', '5d2e8f14-7b3c-4a69-8e21-9c4b6a1f3d72'],
    description: 'Replaces the set of locations the partner owns',
  })
  @MayBeAbsent()
  @ArrayMaxSize(MAX_PARTNER_LOCATIONS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  locationIds?: string[];
}
