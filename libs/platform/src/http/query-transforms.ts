import { applyDecorators } from '@nestjs/common';
import { Transform, Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { REPORT_YEARS } from './ranges';

/** Query strings carry text: 'true'/'false' become booleans; anything else stays and fails IsBoolean. */
export const QueryBoolean = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  );

/** Codes (OPD codes) are matched upper-case whatever the caller typed. */
export const UpperCase = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.toUpperCase() : value,
  );

/** `?year=`: query text to an integer, within the years the portal reports on. */
export const QueryYear = (): PropertyDecorator =>
  applyDecorators(
    Type(() => Number),
    IsInt(),
    Min(REPORT_YEARS.min),
    Max(REPORT_YEARS.max),
  );

/** `?quarter=`: a Triwulan, 1–4. */
export const QueryQuarter = (): PropertyDecorator =>
  applyDecorators(
    Type(() => Number),
    IsInt(),
    Min(1),
    Max(4),
  );
