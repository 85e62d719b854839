import { describe, expect, it } from '@jest/globals';
import { parseDay, parseTime, wibInstant } from './meeting-time';

describe('meeting date and time as typed', () => {
  it('reads dd/mm/yyyy and refuses days that do not exist', () => {
    expect(parseDay('03/02/2025')).toBe('2025-02-03');
    expect(parseDay(' 3-2-2025 ')).toBe('2025-02-03');
    expect(parseDay('29/02/2024')).toBe('2024-02-29');
    expect(parseDay('29/02/2025')).toBeUndefined();
    expect(parseDay('2025-02-03')).toBeUndefined();
    expect(parseDay('31/04/2025')).toBeUndefined();
  });

  it('reads hh:mm and hh.mm', () => {
    expect(parseTime('9:05')).toBe('09:05');
    expect(parseTime('14.30')).toBe('14:30');
    expect(parseTime('24:00')).toBeUndefined();
    expect(parseTime('12:60')).toBeUndefined();
  });

  it('gives the WIB moment', () => {
    expect(new Date(wibInstant('2025-03-31', '23:30')).toISOString()).toBe(
      '2025-03-31T16:30:00.000Z',
    );
  });
});
