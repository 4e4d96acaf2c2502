import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Max,
  Min,
} from 'class-validator';

export const FULFILLMENT_STATUSES = [
  'pending',
  'created',
  'accepted',
  'picking',
  'picked',
  'packed',
  'shipped',
  'delivered',
  'ready_for_pickup',
  'collected',
  'expired',
  'rejected',
  'cancelled',
] as const;

/** `a,b` or repeated `?x=a&x=b` → ['a', 'b']. */
const list = ({ value }: { value: unknown }) =>
  (Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : value) as unknown;

/** Filters of GET /v1/fulfillments: a location's queue, or one order's work. */
export class ListFulfillmentsQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'The location whose work queue to list (required unless orderId is given)' })
  @IsOptional()
  @IsUUID()
  locationId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "One order's fulfilments, at every location" })
  @IsOptional()
  @IsUUID()
  orderId?: string;

  @ApiPropertyOptional({ enum: FULFILLMENT_STATUSES, isArray: true, example: ['created', 'accepted'], description: 'Statuses, comma-separated in the query (status=created,accepted)' })
  @IsOptional()
  @Transform(list)
  @ArrayMaxSize(FULFILLMENT_STATUSES.length)
  @IsIn(FULFILLMENT_STATUSES, { each: true })
  status?: Array<(typeof FULFILLMENT_STATUSES)[number]>;

  @ApiPropertyOptional({ example: false, description: 'Only work the pick/pack timer flagged late' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  late?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50, description: 'How many of the queue, in work order' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class LocationLoadQuery {
  @ApiProperty({ format: 'uuid', isArray: true, description: 'Comma-separated location ids' })
  @Transform(list)
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  locationIds!: string[];
}

export class LabelQuery {
  @ApiPropertyOptional({ enum: ['pdf', 'zpl'], default: 'pdf' })
  @IsOptional()
  @IsIn(['pdf', 'zpl'])
  format?: 'pdf' | 'zpl';
}
