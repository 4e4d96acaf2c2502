import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches } from 'class-validator';
import { MayBeAbsent } from '../../../http/may-be-absent.decorator';

/** A new channel connection of the caller's tenant. */
export class CreateChannelConnectionDto {
  @ApiProperty({ example: 'shopify', enum: ['shopify'] })
  @IsIn(['shopify'])
  type!: 'shopify';

  @ApiProperty({ example: 'EU web shop', minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({ example: 'shopify-eu', default: 'shopify', description: 'The Baton channel of its orders' })
  @MayBeAbsent()
  @IsString()
  @Matches(/^[a-z][a-z0-9_-]{0,31}$/, { message: 'channel must be a lowercase identifier such as shopify' })
  channel?: string;

  @ApiProperty({
    example: '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',
    minLength: 16,
    maxLength: 256,
    description: "The app's client secret that Shopify signs webhooks with; never shown again",
  })
  @IsString()
  @Length(16, 256)
  sharedSecret!: string;
}
