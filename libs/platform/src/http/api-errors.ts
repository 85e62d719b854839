import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from './dto/error-response.dto';

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
