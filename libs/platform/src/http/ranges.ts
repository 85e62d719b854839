import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { ValidateBy, type ValidationOptions } from 'class-validator';
import { wibClock } from '../time/wib';
import { CommonErrors } from './app-error';

/** Largest value of a PostgreSQL `integer` column (revision numbers, versions, counts). */
export const PG_INTEGER_MAX = 2_147_483_647;

/** The years the portal reports on (award years, metrics, activity); award_years checks the same. */
export const REPORT_YEARS = { min: 2000, max: 2100 } as const;

/**
 * A path integer within its column's range. Anything else is 400 `VALIDATION_FAILED` naming the
 * parameter (`isInt`, `min` or `max`), so no value PostgreSQL would refuse reaches a query.
 */
export class IntParamPipe implements PipeTransform<string, number> {
  constructor(
    private readonly min: number,
    private readonly max: number,
  ) {}

  transform(value: string, { data }: ArgumentMetadata): number {
    const problem = (p: string) =>
      CommonErrors.validation([{ field: data ?? 'value', problems: [p] }]);
    if (!/^-?\d+$/.test(value)) throw problem('isInt');
    const n = Number(value);
    if (n < this.min) throw problem('min');
    if (n > this.max) throw problem('max');
    return n;
  }
}

/** `:year` of the award and report routes: an integer from 2000 to 2100. */
@Injectable()
export class ReportYearPipe extends IntParamPipe {
  constructor() {
    super(REPORT_YEARS.min, REPORT_YEARS.max);
  }
}

const inReportYears = (year: number): boolean =>
  year >= REPORT_YEARS.min && year <= REPORT_YEARS.max;

/**
 * A calendar day `YYYY-MM-DD` that exists (no 2025-02-30) within REPORT_YEARS (no 0000-01-01,
 * which JavaScript reads but PostgreSQL refuses). The problem is `isReportDay`.
 */
export const IsReportDay = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'isReportDay',
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
          const day = new Date(`${value}T00:00:00Z`);
          return (
            !Number.isNaN(day.getTime()) &&
            day.toISOString().slice(0, 10) === value &&
            inReportYears(day.getUTCFullYear())
          );
        },
        defaultMessage: () =>
          `must be a day YYYY-MM-DD within the years ${REPORT_YEARS.min}–${REPORT_YEARS.max}`,
      },
    },
    options,
  );

/**
 * An ISO date-time whose WIB year lies within REPORT_YEARS: a meeting held in 1999 could never be
 * reported on. Use after `IsISO8601`; the problem is `inReportYears`.
 */
export const IsInReportYears = (options?: ValidationOptions): PropertyDecorator =>
  ValidateBy(
    {
      name: 'inReportYears',
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string') return false;
          const at = new Date(value);
          if (Number.isNaN(at.getTime())) return false;
          return inReportYears(wibClock(at).getUTCFullYear());
        },
        defaultMessage: () =>
          `must lie within the years ${REPORT_YEARS.min}–${REPORT_YEARS.max} (WIB)`,
      },
    },
    options,
  );
