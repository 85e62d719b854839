import { describe, expect, it } from '@jest/globals';
import { formatFileSize } from './file-size';

describe('formatFileSize', () => {
  it('counts in 1024s, one decimal below ten, with the language’s decimal mark', () => {
    expect(formatFileSize(51, 'id')).toBe('51 B');
    expect(formatFileSize(830 * 1024, 'id')).toBe('830 KB');
    expect(formatFileSize(1.25 * 1024 * 1024, 'id')).toBe('1,3 MB');
    expect(formatFileSize(1.25 * 1024 * 1024, 'en')).toBe('1.3 MB');
    expect(formatFileSize(3 * 1024 ** 3, 'en')).toBe('3 GB');
  });
});
