import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
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

/** `?dryRun=true`: validate and report without writing (every import endpoint). */
export class DryRunQueryDto {
  @ApiPropertyOptional({
    type: Boolean,
    description: 'Validate and report without writing anything',
  })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  dryRun?: boolean;
}

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

/** `?year=` (required): the reports per year. */
export class YearQueryDto {
  @ApiProperty({ type: 'integer', minimum: 2000, maximum: 2100, example: 2025 })
  @QueryYear()
  year!: number;
}
