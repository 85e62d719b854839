import { describe, expect, it } from '@jest/globals';
import { validateDashboardSearch, wibYear, yearChoices } from './dashboard-search';

describe('validateDashboardSearch', () => {
  it('keeps an OPD code, a year and a Triwulan the API takes', () => {
    expect(validateDashboardSearch({ opd: 'dinkes', tahun: '2025', tw: '2' })).toEqual({
      opd: 'DINKES',
      tahun: 2025,
      tw: 2,
    });
  });

  it('drops what a hand-edited link gets wrong', () => {
    expect(validateDashboardSearch({ opd: '1; DROP', tahun: '25', tw: 5 })).toEqual({});
    expect(validateDashboardSearch({ tahun: 2101, tw: '0' })).toEqual({});
  });
});

describe('wibYear and yearChoices', () => {
  it('turns the year at midnight in Jakarta, not in UTC', () => {
    // 31 Dec 2025 17:30 UTC is 1 Jan 2026 00:30 WIB.
    const newYearInJakarta = Date.UTC(2025, 11, 31, 17, 30);
    expect(wibYear(newYearInJakarta)).toBe(2026);
    expect(wibYear(Date.UTC(2025, 11, 31, 16, 30))).toBe(2025);
    expect(yearChoices(newYearInJakarta)).toEqual([2026, 2025, 2024, 2023, 2022]);
  });
});
