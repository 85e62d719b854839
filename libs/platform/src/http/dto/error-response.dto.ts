import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { FieldProblemDto } from './field-problem.dto';

/** The one error body of every route: `{ code, message, details? }`. */
export class ErrorResponseDto {
  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'Stable error code' })
  code: string;

  @ApiProperty({
    example: 'Data yang dikirim tidak valid.',
    description: 'For people: Bahasa Indonesia, or English when Accept-Language prefers it',
  })
  message: string;

  @ApiPropertyOptional({
    description:
      'Every 400: the list of fields and their problems; other statuses: an object of facts ' +
      '(e.g. VERSION_CONFLICT: { currentVersion }, RATE_LIMITED: { retryAfterSeconds })',
    oneOf: [
      { type: 'array', items: { $ref: getSchemaPath(FieldProblemDto) } },
      { type: 'object', additionalProperties: true },
    ],
  })
  details?: FieldProblemDto[] | Record<string, unknown>;
}
