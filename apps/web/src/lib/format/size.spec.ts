import { describe, expect, it } from '@jest/globals';
import { formatFileSize } from './size';

describe('formatFileSize', () => {
  it('uses decimal units and the id-ID number format', () => {
    expect(formatFileSize(0)).toBe('0 byte');
    expect(formatFileSize(512)).toBe('512 byte');
    expect(formatFileSize(1536)).toBe('1,5 kB');
    expect(formatFileSize(2_400_000)).toBe('2,4 MB');
    expect(formatFileSize(3_250_000_000)).toBe('3,3 GB');
  });

  it('moves up a unit instead of showing 1.000', () => {
    expect(formatFileSize(999)).toBe('999 byte');
    expect(formatFileSize(999_960)).toBe('1 MB');
  });

  it('uses a decimal point in English', () => {
    expect(formatFileSize(2_400_000, 'en')).toBe('2.4 MB');
  });
});
