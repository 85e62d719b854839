import { describe, expect, it } from '@jest/globals';
import { formatWib, formatWibDate, formatWibRelative, formatWibTime } from './wib';

describe('formatWib', () => {
  it('shows an instant in WIB with the id-ID format, whatever the zone it came in', () => {
    expect(formatWib('2026-12-03T09:07:00Z')).toBe('3 Des 2026 16.07 WIB');
    expect(formatWib('2026-12-03T16:07:00+07:00')).toBe('3 Des 2026 16.07 WIB');
    expect(formatWib(new Date(Date.UTC(2026, 4, 1, 0, 5)))).toBe('1 Mei 2026 07.05 WIB');
  });

  it('crosses midnight into the WIB day (17.30 UTC is already tomorrow in Jakarta)', () => {
    expect(formatWib('2025-03-31T17:30:00Z')).toBe('1 Apr 2025 00.30 WIB');
    expect(formatWibDate('2025-03-31T17:30:00Z')).toBe('1 Apr 2025');
    expect(formatWibDate('2025-03-31T16:59:59Z')).toBe('31 Mar 2025');
  });

  it('gives the WIB time of day alone ("Tersimpan 16.07 WIB")', () => {
    expect(formatWibTime('2026-12-03T09:07:00Z')).toBe('16.07');
    expect(formatWibTime('2025-03-31T17:30:00Z')).toBe('00.30');
    expect(formatWibTime('2026-12-03T09:07:00Z', 'en')).toBe('16:07');
    expect(formatWibTime('bukan tanggal')).toBe('');
  });

  it('uses English month names and a colon on demand', () => {
    expect(formatWib('2026-08-17T03:00:00Z', 'en')).toBe('17 Aug 2026 10:00 WIB');
    expect(formatWibDate('2026-08-17T03:00:00Z', 'en')).toBe('17 Aug 2026');
    expect(formatWibDate('2026-08-17T03:00:00Z')).toBe('17 Agu 2026');
  });

  it('answers empty for a missing or invalid value instead of "Invalid Date"', () => {
    expect(formatWib(null)).toBe('');
    expect(formatWib(undefined)).toBe('');
    expect(formatWib('bukan tanggal')).toBe('');
    expect(formatWibDate('')).toBe('');
    expect(formatWibRelative(null)).toBe('');
  });
});

describe('formatWibRelative', () => {
  const now = new Date('2026-12-03T09:00:00Z');

  it('says how long ago within a week', () => {
    expect(formatWibRelative('2026-12-03T08:55:00Z', 'id', now)).toBe('5 menit yang lalu');
    expect(formatWibRelative('2026-12-02T09:00:00Z', 'id', now)).toBe('kemarin');
    expect(formatWibRelative('2026-12-03T06:00:00Z', 'en', now)).toBe('3 hours ago');
    expect(formatWibRelative('2026-12-03T11:00:00Z', 'id', now)).toBe('dalam 2 jam');
  });

  it('falls back to the absolute WIB form past a week', () => {
    expect(formatWibRelative('2026-11-20T09:00:00Z', 'id', now)).toBe('20 Nov 2026 16.00 WIB');
  });
});
