import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../limits/pagination';

export const RETURN_STATUSES = ['authorised', 'in_transit', 'received', 'inspected', 'completed', 'rejected', 'cancelled'] as const;

/** Filters of GET /v1/returns; they combine. */
export class ListReturnsQuery extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', example: '7c9e6679-7425-40de-944b-e07fc1f90ae7' })
  @IsOptional()
  @IsUUID()
  orderId?: string;

  @ApiPropertyOptional({ enum: RETURN_STATUSES, example: 'received' })
  @IsOptional()
  @IsIn(RETURN_STATUSES)
  status?: (typeof RETURN_STATUSES)[number];

  @ApiPropertyOptional({ format: 'uuid', description: 'Expected at or received at this location' })
  @IsOptional()
  @IsUUID()
  locationId?: string;
}
