import { wibDay, wibPeriod, wibRange } from './wib';

describe('WIB periods', () => {
  it('puts 2025-03-31 23:30 WIB in TW I and 2025-03-31 17:30 UTC (00:30 WIB, 1 April) in TW II', () => {
    expect(wibPeriod(new Date('2025-03-31T23:30:00+07:00'))).toEqual({
      date: '2025-03-31',
      year: 2025,
      quarter: 1,
    });
    expect(wibPeriod(new Date('2025-03-31T17:30:00Z'))).toEqual({
      date: '2025-04-01',
      year: 2025,
      quarter: 2,
    });
  });

  it('crosses the year in WIB, not UTC', () => {
    expect(wibPeriod(new Date('2024-12-31T17:00:00Z'))).toEqual({
      date: '2025-01-01',
      year: 2025,
      quarter: 1,
    });
    expect(wibPeriod(new Date('2024-12-31T16:59:59Z'))).toEqual({
      date: '2024-12-31',
      year: 2024,
      quarter: 4,
    });
  });

  it('gives the WIB day of an instant', () => {
    expect(wibDay(new Date('2025-06-30T16:59:59Z'))).toBe('2025-06-30');
    expect(wibDay(new Date('2025-06-30T17:00:00Z'))).toBe('2025-07-01');
  });

  it('gives quarter and year ranges as UTC instants of WIB midnights', () => {
    expect(wibRange(2025, 2)).toEqual({
      from: new Date('2025-03-31T17:00:00Z'),
      to: new Date('2025-06-30T17:00:00Z'),
    });
    expect(wibRange(2025)).toEqual({
      from: new Date('2024-12-31T17:00:00Z'),
      to: new Date('2025-12-31T17:00:00Z'),
    });
  });
});
