import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Matches } from 'class-validator';
import { MayBeAbsent } from '../../http/may-be-absent.decorator';

/** Query of a CSV import: the Baton channel its orders get. */
export class ImportQueryDto {
  @ApiPropertyOptional({ example: 'b2b', default: 'b2b', description: 'The sales channel of the imported orders' })
  @MayBeAbsent()
  @IsString()
  @Matches(/^[a-z][a-z0-9_-]{0,31}$/, { message: 'channel must be a lowercase identifier such as b2b' })
  channel?: string;
}
