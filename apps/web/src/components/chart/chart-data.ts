/**
 * A chart's data as a table: the first column names the categories (Triwulan, OPD, aspect), every
 * further column is one series of numbers. The chart, its table view and its CSV all read this one
 * shape, so the three always show the same numbers under the same headings.
 */
export interface ChartColumn {
  /** The heading shown in the table, the legend and the CSV. */
  label: string;
  /**
   * How the numbers read: `integer` (counts), `decimal` (one or two decimals), `percent` (a
   * percentage already multiplied by 100: 45.2 reads "45,2 %").
   */
  format?: 'integer' | 'decimal' | 'percent';
}

/** One row: the category's name, then one value per series (null when there is none). */
export type ChartRow = readonly [string, ...(number | null)[]];

export interface ChartData {
  columns: readonly ChartColumn[];
  rows: readonly ChartRow[];
}

/** Text a spreadsheet would run as a formula (as the API's CSV writer guards against). */
const FORMULA_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

function csvField(value: string | number | null | undefined, text: boolean): string {
  if (value === null || value === undefined) return '';
  let s = typeof value === 'number' ? csvNumber(value) : value;
  if (text && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Plain numbers (a dot for decimals, at most 2 of them), as spreadsheets and scripts read them. */
function csvNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  return String(Math.round(n * 100) / 100);
}

/**
 * The data as CSV text for Excel and scripts: UTF-8 byte-order mark, the table's headings, CRLF
 * line ends, quoted fields where needed, no cell that a spreadsheet would run as a formula.
 */
export function toCsv({ columns, rows }: ChartData): string {
  const lines = [columns.map((c) => csvField(c.label, true)).join(',')];
  for (const row of rows) lines.push(columns.map((_, i) => csvField(row[i], i === 0)).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/** A value as the table shows it: `1.234`, `12,5`, `45,2 %` in Indonesian; `–` when there is none. */
export function formatValue(
  value: number | null | undefined,
  format: ChartColumn['format'],
  lang: string,
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const locale = lang === 'en' ? 'en-GB' : 'id-ID';
  if (format === 'percent')
    return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)} %`;
  return new Intl.NumberFormat(locale, {
    maximumFractionDigits: format === 'decimal' ? 2 : 0,
  }).format(value);
}

/** A file name from a title: lower-case words joined by hyphens, `.csv` at the end. */
export function csvFileName(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${base || 'data'}.csv`;
}
