import type { DisplayLanguage } from './wib';

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
const LOCALES: Record<DisplayLanguage, string> = { id: 'id-ID', en: 'en-GB' };

/**
 * A file size as people read it, in decimal units with the language's number format:
 * "512 byte", "1,5 kB", "2,4 MB" (English: "2.4 MB").
 */
export function formatFileSize(bytes: number, lang: DisplayLanguage = 'id'): string {
  let unit = 0;
  let value = Math.max(0, bytes);
  // Move up while the rounded value would read 1000 or more ("1.000 kB" is "1 MB").
  while (unit < UNITS.length - 1 && Math.round(value * 10) / 10 >= 1000) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(LOCALES[lang], {
    style: 'unit',
    unit: UNITS[unit],
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}
