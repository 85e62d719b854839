/** A file's size in words a person reads: "830 KB", "1,2 MB" (en: "1.2 MB"). */
export function formatFileSize(bytes: number, lang: 'id' | 'en'): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  const locale = lang === 'id' ? 'id-ID' : 'en-GB';
  return `${value.toLocaleString(locale, { maximumFractionDigits: digits })} ${units[unit]}`;
}
