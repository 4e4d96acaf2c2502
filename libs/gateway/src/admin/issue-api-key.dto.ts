import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsIn,
  IsInt,
  IsISO8601,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { API_KEY_ROLES, type ApiKeyRole } from '../auth/roles';
import { ENTITY_ID } from './create-tenant.dto';
import { MayBeAbsent } from '../http/may-be-absent.decorator';

/** A new API key in the caller's tenant. */
export class IssueApiKeyDto {
  @ApiProperty({ example: 'web shop checkout', minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: API_KEY_ROLES, isArray: true, example: ['partner'] })
  @ArrayMinSize(1)
  @ArrayMaxSize(API_KEY_ROLES.length)
  @ArrayUnique()
  @IsIn(API_KEY_ROLES, { each: true })
  roles!: ApiKeyRole[];

  @ApiPropertyOptional({
    example: 'franchise-north',
    description: 'Binds the key to a partner: it then sees only objects touching that partner\'s locations. Allowed roles: partner, store, readonly',
  })
  @MayBeAbsent()
  @IsString()
  @Matches(ENTITY_ID, { message: 'partnerId must be a partner id' })
  partnerId?: string;

  @ApiPropertyOptional({ example: '2027-11-02T09:30:00.000Z', format: 'date-time', description: 'Must be in the future' })
  @MayBeAbsent()
  @IsISO8601({ strict: true })
  expiresAt?: string;

  @ApiPropertyOptional({ example: 120, minimum: 1, maximum: 1_000_000, description: 'Own rate limit (requests a minute)' })
  @MayBeAbsent()
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  rateLimitPerMinute?: number;
}
