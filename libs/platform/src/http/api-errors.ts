import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';

/** One field's problems: the `details` of every 400 answer, whatever its code. */
export class FieldProblemDto {
  @ApiProperty({ example: 'title', description: 'Dotted path of the field (or the parameter)' })
  field: string;

  @ApiProperty({ type: [String], example: ['isLength'], description: 'Problem codes' })
  problems: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['Judul paling banyak 200 karakter.'],
    description: 'The problems in words for people (Bahasa Indonesia), where the API has them',
  })
  messages?: string[];

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Facts about the problem where a code alone is not enough (e.g. missing columns)',
  })
  details?: Record<string, unknown>;
}

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

/** HTTP statuses a route may declare beyond those the document derives for every route. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503 | 507;

/**
 * Route-specific error responses, each with the codes it carries (`{ 409: 'VERSION_CONFLICT' }`).
 * Statuses every route of a kind can answer (400 on input, 401, 403 with a permission, 404 on path
 * parameters, 413/415 on bodies, 429) are added to the document by apps/api; this adds the rest.
 */
export const ApiErrors = (
  errors: Partial<Record<ErrorStatus, string>>,
): MethodDecorator & ClassDecorator =>
  applyDecorators(
    ...Object.entries(errors).map(([status, codes]) =>
      ApiResponse({ status: Number(status), description: codes, type: ErrorResponseDto }),
    ),
  );
