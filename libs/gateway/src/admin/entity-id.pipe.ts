import { Injectable, type PipeTransform } from '@nestjs/common';
import { ValidationError } from '@baton/domain';
import { ENTITY_ID } from './create-tenant.dto';

/** Refuses a path id that cannot be a tenant or partner id with 400, before any look-up. */
@Injectable()
export class EntityIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!ENTITY_ID.test(value)) throw new ValidationError([{ field: 'id', message: 'id must be a lowercase id such as acme-retail' }]);
    return value;
  }
}
