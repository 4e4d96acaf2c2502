import type { ValidationError as ClassValidatorError } from 'class-validator';
import { FieldViolation, ValidationError } from '@baton/domain';

/**
 * Turns class-validator's nested errors into one ValidationError naming every invalid field by
 * its path (`shipTo.country`, `lines.0.quantity`), including fields a client may not set at all.
 * Used as the `exceptionFactory` of the gateway's ValidationPipe.
 */
export function validationExceptionFactory(errors: ClassValidatorError[]): ValidationError {
  const violations: FieldViolation[] = [];
  const walk = (error: ClassValidatorError, parent: string): void => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const [constraint, message] of Object.entries(error.constraints ?? {})) {
      violations.push({
        field,
        message: constraint === 'whitelistValidation' ? `${field} is not an accepted field` : message,
      });
    }
    for (const child of error.children ?? []) walk(child, field);
  };
  for (const error of errors) walk(error, '');
  return new ValidationError(violations);
}
