import type { FieldViolation } from '@baton/domain';

/** Collects every violated field of a request, so one refusal names them all. */
export class Violations {
  readonly list: FieldViolation[] = [];

  add(field: string, message: string): void {
    this.list.push({ field, message });
  }

  text(field: string, value: string | undefined, maxLength: number): string {
    const trimmed = (value ?? '').trim();
    if (trimmed === '') this.add(field, 'is required');
    else if (trimmed.length > maxLength) this.add(field, `must be at most ${maxLength} characters`);
    return trimmed;
  }

  integer(field: string, value: number, min: number, max: number): number {
    if (!Number.isSafeInteger(value)) this.add(field, 'must be an integer');
    else if (value < min) this.add(field, `must be at least ${min}`);
    else if (value > max) this.add(field, `must be at most ${max}`);
    return value;
  }

  range(field: string, value: number | undefined, min: number, max: number): number | undefined {
    if (value === undefined) return undefined;
    if (!Number.isFinite(value) || value < min || value > max) this.add(field, `must be between ${min} and ${max}`);
    return value;
  }
}
