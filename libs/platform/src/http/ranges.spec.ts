import { validateSync } from 'class-validator';
import { AppError } from './app-error';
import {
  IntParamPipe,
  IsInReportYears,
  IsReportDay,
  PG_INTEGER_MAX,
  ReportYearPipe,
} from './ranges';

const problemOf = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (e) {
    return (e as AppError).details;
  }
  return 'no error';
};

describe('IntParamPipe', () => {
  const n = new IntParamPipe(1, PG_INTEGER_MAX);
  const meta = { type: 'param' as const, data: 'n' };

  it('parses integers within the column range', () => {
    expect(n.transform('1', meta)).toBe(1);
    expect(n.transform(String(PG_INTEGER_MAX), meta)).toBe(PG_INTEGER_MAX);
  });

  it('answers anything else with 400 naming the parameter and the broken bound', () => {
    expect(problemOf(() => n.transform('100000000000000000000', meta))).toEqual([
      { field: 'n', problems: ['max'] },
    ]);
    expect(problemOf(() => n.transform(String(PG_INTEGER_MAX + 1), meta))).toEqual([
      { field: 'n', problems: ['max'] },
    ]);
    expect(problemOf(() => n.transform('0', meta))).toEqual([{ field: 'n', problems: ['min'] }]);
    for (const bad of ['1.5', '1e3', 'abc', '', ' 1', '0x10']) {
      expect(problemOf(() => n.transform(bad, meta))).toEqual([
        { field: 'n', problems: ['isInt'] },
      ]);
    }
  });
});

describe('ReportYearPipe', () => {
  it('takes 2000–2100 only (award_years and every report)', () => {
    const year = new ReportYearPipe();
    const meta = { type: 'param' as const, data: 'year' };
    expect(year.transform('2025', meta)).toBe(2025);
    expect(problemOf(() => year.transform('40000', meta))).toEqual([
      { field: 'year', problems: ['max'] },
    ]);
    expect(problemOf(() => year.transform('1999', meta))).toEqual([
      { field: 'year', problems: ['min'] },
    ]);
  });
});

class Dated {
  @IsInReportYears()
  heldAt!: string;
}

class Ranged {
  @IsReportDay()
  from!: string;
}

const errorsOf = <T extends object>(type: new () => T, values: Partial<T>): string[] =>
  validateSync(Object.assign(new type(), values)).flatMap((e) => Object.keys(e.constraints ?? {}));

describe('IsInReportYears', () => {
  it('judges the year in WIB', () => {
    expect(errorsOf(Dated, { heldAt: '1999-12-31T09:00:00+07:00' })).toEqual(['inReportYears']);
    // 17:30 UTC on 31 December 1999 is already 1 January 2000 in Jakarta.
    expect(errorsOf(Dated, { heldAt: '1999-12-31T17:30:00Z' })).toEqual([]);
    expect(errorsOf(Dated, { heldAt: '2025-05-06T09:00:00+07:00' })).toEqual([]);
    expect(errorsOf(Dated, { heldAt: 'bukan tanggal' })).toEqual(['inReportYears']);
  });
});

describe('IsReportDay', () => {
  it('takes real days within the report years only', () => {
    expect(errorsOf(Ranged, { from: '2025-01-01' })).toEqual([]);
    expect(errorsOf(Ranged, { from: '2024-02-29' })).toEqual([]);
    for (const bad of ['0000-01-01', '2025-02-30', '2025-13-01', '1999-12-31', '2025-1-1']) {
      expect({ bad, errors: errorsOf(Ranged, { from: bad }) }).toEqual({
        bad,
        errors: ['isReportDay'],
      });
    }
  });
});
