import { applyDecorators } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';

/** Path parameters that are UUIDs (a malformed one answers like a missing one: 404). */
export const ApiUuidParams = (...names: string[]): MethodDecorator & ClassDecorator =>
  applyDecorators(
    ...(names.length > 0 ? names : ['id']).map((name) =>
      ApiParam({ name, type: String, format: 'uuid' }),
    ),
  );

/** An OPD code path parameter (matched upper-case; an unknown one answers 404). */
export const ApiOpdCodeParam = (name = 'code'): MethodDecorator & ClassDecorator =>
  ApiParam({
    name,
    schema: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9]{1,15}$' },
    example: 'BPSDM',
  });

/** An award or report year path parameter. */
export const ApiYearParam = (name = 'year'): MethodDecorator & ClassDecorator =>
  ApiParam({ name, schema: { type: 'integer', minimum: 2000, maximum: 2100 }, example: 2025 });
