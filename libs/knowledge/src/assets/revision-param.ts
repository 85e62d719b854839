import { ApiParam } from '@nestjs/swagger';

/** The `:n` of the revision routes: a revision number from 1. */
export const ApiRevisionParam = (): MethodDecorator =>
  ApiParam({ name: 'n', schema: { type: 'integer', minimum: 1 }, description: 'Revision number' });
