import { type ValidationError, ValidationPipe } from '@nestjs/common';
import { CommonErrors } from './app-error';
import type { FieldProblem } from './field-problem';

/** Flattens class-validator errors into `[{ field: 'a.b', problems: [...] }]`. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    if (error.constraints) {
      out.push({ field, problems: Object.keys(error.constraints) });
    }
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, field));
  }
  return out;
}

/** Global pipe: strips nothing silently — unknown fields are refused, types are transformed. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    forbidUnknownValues: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => CommonErrors.validation(flattenValidationErrors(errors)),
  });
}
