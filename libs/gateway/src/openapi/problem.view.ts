import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FieldViolationView } from './field-violation.view';

/** RFC 9457 problem details: the body of every error answer of the API. */
export class ProblemView {
  @ApiProperty({ example: 'urn:baton:problem:VALIDATION_FAILED' })
  type!: string;

  @ApiProperty({ example: 'Invalid request' })
  title!: string;

  @ApiProperty({ example: 400 })
  status!: number;

  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'Machine-readable code; stable across releases' })
  code!: string;

  @ApiProperty({ example: 'The request is invalid' })
  detail!: string;

  @ApiPropertyOptional({ type: [FieldViolationView], description: 'Every invalid field, when the input was invalid' })
  errors?: FieldViolationView[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Details of the refusal (e.g. the lines that cannot be sourced)',
    example: { lines: [{ sku: 'TSHIRT-BLUE-M', requested: 1000, available: 120 }] },
  })
  details?: Record<string, unknown>;
}
