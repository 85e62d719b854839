import { describe, expect, it } from '@jest/globals';
import { formatDay, formatMonth } from './format-month';

describe('formatMonth and formatDay', () => {
  it('shows calendar months and days in id-ID without shifting them by a zone', () => {
    expect(formatMonth('2027-04')).toBe('Apr 2027');
    expect(formatMonth('2026-12')).toBe('Des 2026');
    expect(formatMonth('2026-08', 'en')).toBe('Aug 2026');
    expect(formatDay('2027-01-01')).toBe('1 Jan 2027');
    expect(formatDay('2026-12-31', 'en')).toBe('31 Dec 2026');
  });

  it('leaves anything that is not a month or a day as it is', () => {
    expect(formatMonth('soon')).toBe('soon');
    expect(formatDay('2027-13')).toBe('2027-13');
  });
});
