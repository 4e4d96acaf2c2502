import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, MaxLength } from 'class-validator';

/** Query parameters of a feed upload; the body is the feed itself. */
export class FeedUploadQuery {
  @ApiProperty({ example: 'pos-ams-2026-11-01T06:00', description: 'Makes the import idempotent: a feed id imports once' })
  @IsString()
  @Length(1, 100)
  feedId!: string;

  @ApiProperty({ enum: ['snapshot', 'delta'], example: 'snapshot', description: 'snapshot sets on hand per row; delta adds the row quantity' })
  @IsIn(['snapshot', 'delta'])
  mode!: 'snapshot' | 'delta';

  @ApiPropertyOptional({ example: 'pos-ams', description: 'Who sent it; recorded with the movements' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  source?: string;
}
