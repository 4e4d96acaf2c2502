import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsISO8601, Max, Min } from 'class-validator';
import { MayBeAbsent } from '../http/may-be-absent.decorator';

export const DEFAULT_ROTATION_GRACE_SECONDS = 24 * 3600;
export const MAX_ROTATION_GRACE_SECONDS = 30 * 24 * 3600;

/** How to rotate a key: how long the old key stays valid, and when the new one expires. */
export class RotateApiKeyDto {
  @ApiPropertyOptional({
    example: 86400,
    minimum: 0,
    maximum: MAX_ROTATION_GRACE_SECONDS,
    default: DEFAULT_ROTATION_GRACE_SECONDS,
    description: 'Seconds the old key stays valid (0 = ends now)',
  })
  @MayBeAbsent()
  @IsInt()
  @Min(0)
  @Max(MAX_ROTATION_GRACE_SECONDS)
  gracePeriodSeconds?: number;

  @ApiPropertyOptional({ example: '2027-11-02T09:30:00.000Z', format: 'date-time', description: 'Expiry of the new key' })
  @MayBeAbsent()
  @IsISO8601({ strict: true })
  expiresAt?: string;
}
