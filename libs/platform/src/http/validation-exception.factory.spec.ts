import { Type, plainToInstance } from 'class-transformer';
import { IsInt, Min, ValidateNested, validateSync } from 'class-validator';
import { validationExceptionFactory } from './validation-exception.factory';

class Line {
  @IsInt()
  @Min(1)
  quantity!: number;
}

class Body {
  @ValidateNested({ each: true })
  @Type(() => Line)
  lines!: Line[];
}

describe(validationExceptionFactory.name, () => {
  it('names nested fields by path and unknown fields as not accepted', () => {
    const body = plainToInstance(Body, { lines: [{ quantity: 1 }, { quantity: 0 }], status: 'shipped' });
    const errors = validateSync(body, { whitelist: true, forbidNonWhitelisted: true });
    const error = validationExceptionFactory(errors);
    expect(error.kind).toBe('invalid');
    expect(error.violations.map((v) => v.field).sort()).toEqual(['lines.1.quantity', 'status']);
    expect(error.violations.find((v) => v.field === 'status')?.message).toBe('status is not an accepted field');
  });
});
