import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsEmail, IsIn, IsISO8601, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../limits/pagination';

const TENANT_ID = /^[a-z0-9][a-z0-9-]{1,39}$/;

/** The tenant a public route is about (it has no API key to tell). */
export class TenantQueryDto {
  @ApiProperty({ example: 'acme-retail', description: 'The tenant (retailer) whose parcels or carriers these are' })
  @Matches(TENANT_ID, { message: 'tenant must be a lowercase tenant id such as acme-retail' })
  tenant!: string;
}

/** Exactly one criterion to find orders by, and the page. */
export class SearchOrdersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: '7c9e6679-7425-40de-944b-e07fc1f90ae7' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  orderId?: string;

  @ApiPropertyOptional({ example: 'WEB-1001' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  channelOrderId?: string;

  @ApiPropertyOptional({ example: 'ada@example.com', description: 'Any case' })
  @IsOptional()
  @IsEmail()
  email?: string;

  @ApiPropertyOptional({ example: '+31 6 1234 5678', description: 'Any spacing and punctuation' })
  @IsOptional()
  @Matches(/^\+?[0-9 ().-]{6,30}$/, { message: 'phone must be a phone number such as +31 6 1234 5678' })
  phone?: string;

  @ApiPropertyOptional({ example: 'JD014600006281' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9-]{4,64}$/, { message: 'trackingNumber must be 4-64 letters, digits or dashes' })
  trackingNumber?: string;
}

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'parked'] as const;

export class DeliveriesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'parked', enum: WEBHOOK_DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(WEBHOOK_DELIVERY_STATUSES)
  status?: (typeof WEBHOOK_DELIVERY_STATUSES)[number];
}

export class CreateWebhookSubscriptionDto {
  @ApiProperty({ example: 'https://erp.example.com/baton/webhooks', description: 'http(s); loopback and private addresses only if the tenant allows them' })
  @IsString()
  @MaxLength(2000)
  url!: string;

  @ApiProperty({
    example: ['fulfillment.*', 'tracking.shipment.scanned.v1'],
    type: [String],
    description: 'Catalogued event types, "<service>.*", or "*"',
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  eventTypes!: string[];

  @ApiPropertyOptional({ example: 'ERP order updates' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;

  @ApiPropertyOptional({ example: 'whsec_a-secret-of-at-least-24-chars', description: 'Generated when absent; at least 24 characters' })
  @IsOptional()
  @IsString()
  @Length(24, 200)
  secret?: string;
}

export class ReplayWebhookDto {
  @ApiProperty({ example: '2026-11-01T00:00:00.000Z', description: 'Replay events that occurred at or after this instant' })
  @IsISO8601({ strict: true })
  from!: string;

  @ApiPropertyOptional({ example: '2026-11-02T00:00:00.000Z', description: 'Up to this instant (inclusive); now when absent' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class WebhookSettingsDto {
  @ApiProperty({ example: false, description: 'Allow webhook URLs on loopback or private addresses (development, on-premises receivers)' })
  @IsBoolean()
  allowPrivateUrls!: boolean;
}

export class CarrierSecretDto {
  @ApiProperty({ example: 'a-long-random-secret-shared-with-the-carrier', description: 'At least 24 characters' })
  @IsString()
  @Length(24, 200)
  secret!: string;
}
