import { ApiProperty } from '@nestjs/swagger';
import { API_KEY_ROLES, type ApiKeyRole } from '../auth/roles';

export const API_KEY_STATUSES = ['active', 'rotating', 'expired', 'revoked'] as const;
export type ApiKeyStatus = (typeof API_KEY_STATUSES)[number];

/** An API key as listed: never the key itself, only its recognisable prefix. */
export class ApiKeyView {
  @ApiProperty({ example: '5b0c7d38-2a55-4d8e-8a0e-3f1d6c9b7a21', format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'web shop checkout' })
  name!: string;

  @ApiProperty({ example: 'bk_Zr4x9Q', description: 'The first characters of the key, to recognise it' })
  prefix!: string;

  @ApiProperty({ enum: API_KEY_ROLES, isArray: true, example: ['channel'] })
  roles!: ApiKeyRole[];

  @ApiProperty({ type: String, nullable: true, example: null, description: 'The partner the key is bound to' })
  partnerId!: string | null;

  @ApiProperty({ type: Number, nullable: true, example: null, description: 'Own rate limit; null uses the gateway default' })
  rateLimitPerMinute!: number | null;

  @ApiProperty({
    enum: API_KEY_STATUSES,
    example: 'active',
    description: 'rotating: replaced by a newer key, valid until its grace expiry',
  })
  status!: ApiKeyStatus;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2027-11-02T09:30:00.000Z' })
  expiresAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null })
  revokedAt!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, example: null, description: 'The key that replaced this one' })
  replacedBy!: string | null;

  @ApiProperty({ example: '2026-11-02T09:30:00.000Z', format: 'date-time' })
  createdAt!: string;
}
