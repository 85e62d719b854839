import { Workbook, type Worksheet } from 'exceljs';

/**
 * Exports a person reads as is (issue 16): every column has a kind that decides how its values
 * are written (real Excel dates in WIB, rounded numbers with formats, Ya/Tidak) and a sentence
 * that explains it on the "Keterangan" sheet; headers are frozen with a filter, widths follow the
 * content. The same sheets give CSV with the same headings and values.
 */
export type ColumnKind =
  | 'text'
  /** Stories and comments: wider, wrapped. */
  | 'longText'
  | 'integer'
  /** Rounded to 2 decimals. */
  | 'decimal'
  /** A share 0..1 shown as a percentage. */
  | 'percent'
  /** A calendar day `YYYY-MM-DD`. */
  | 'date'
  /** A calendar month `YYYY-MM`. */
  | 'month'
  /** An instant (ISO text or Date), shown in WIB. */
  | 'datetime'
  | 'yesNo';

export interface ExportColumn {
  header: string;
  kind: ColumnKind;
  /** What the column means (and its formula): the Keterangan sheet. */
  explain: string;
}

export type ExportCell = string | number | boolean | Date | null | undefined;

export interface ExportSheet {
  name: string;
  columns: ExportColumn[];
  rows: ExportCell[][];
}

export interface ExportBook {
  /** Lines above the first sheet's table (title, rubric version…); the time of making is added. */
  intro: string[];
  sheets: ExportSheet[];
  /** Extra notes at the end of the Keterangan sheet. */
  notes?: [term: string, text: string][];
  generatedAt?: Date;
}

const WIB_MS = 7 * 3_600_000;
const FORMAT: Partial<Record<ColumnKind, string>> = {
  integer: '0',
  decimal: '0.00',
  percent: '0%',
  date: 'dd/mm/yyyy',
  month: 'mmm yyyy',
  datetime: 'dd/mm/yyyy hh:mm',
};
const MAX_WIDTH: Record<'normal' | 'long', number> = { normal: 60, long: 80 };

/** An instant as the WIB wall-clock time, for a cell Excel shows without a zone. */
function wibWallClock(value: Date | string): Date | null {
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms + WIB_MS);
}

function calendarDate(value: string | Date, kind: 'date' | 'month'): Date | null {
  if (value instanceof Date) return value;
  const day = kind === 'month' ? `${value.slice(0, 7)}-01` : value.slice(0, 10);
  const ms = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(ms) ? null : new Date(ms);
}

/** A value as the cell holds it (numbers and dates stay numbers and dates). */
export function cellValue(kind: ColumnKind, v: ExportCell): string | number | Date | null {
  if (v === null || v === undefined || v === '') return null;
  switch (kind) {
    case 'yesNo':
      return v === true ? 'Ya' : v === false ? 'Tidak' : String(v);
    case 'decimal':
      return typeof v === 'number' ? Math.round(v * 100) / 100 : (v as string);
    case 'integer':
    case 'percent':
      return typeof v === 'number' ? v : (v as string);
    case 'datetime':
      return typeof v === 'string' || v instanceof Date ? wibWallClock(v) : String(v);
    case 'date':
    case 'month':
      return typeof v === 'string' || v instanceof Date ? calendarDate(v, kind) : String(v);
    case 'text':
    case 'longText':
      return v instanceof Date
        ? v.toISOString()
        : typeof v === 'boolean'
          ? v
            ? 'Ya'
            : 'Tidak'
          : v;
  }
}

const two = (n: number) => String(n).padStart(2, '0');
const MONTHS_ID = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'Mei',
  'Jun',
  'Jul',
  'Agu',
  'Sep',
  'Okt',
  'Nov',
  'Des',
];

/** A value as text, formatted like the XLSX cell shows it (CSV and column widths). */
export function cellText(kind: ColumnKind, v: ExportCell): string {
  const value = cellValue(kind, v);
  if (value === null) return '';
  if (value instanceof Date) {
    const d = `${two(value.getUTCDate())}/${two(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
    if (kind === 'month') return `${MONTHS_ID[value.getUTCMonth()]} ${value.getUTCFullYear()}`;
    return kind === 'datetime'
      ? `${d} ${two(value.getUTCHours())}:${two(value.getUTCMinutes())}`
      : d;
  }
  if (typeof value === 'number') {
    if (kind === 'decimal') return value.toFixed(2);
    if (kind === 'percent') return `${Math.round(value * 100)}%`;
  }
  return String(value);
}

function writeTable(ws: Worksheet, sheet: ExportSheet, intro: string[]): void {
  for (const line of intro) ws.addRow([line]);
  if (intro.length) {
    ws.getRow(1).font = { bold: true, size: 13 };
    ws.addRow([]);
  }
  const headerRow = ws.addRow(sheet.columns.map((c) => c.header));
  headerRow.font = { bold: true };
  for (const r of sheet.rows) ws.addRow(sheet.columns.map((c, i) => cellValue(c.kind, r[i])));
  const first = headerRow.number;
  sheet.columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    const format = FORMAT[c.kind];
    const long = c.kind === 'longText';
    const widest = Math.max(
      c.header.length,
      ...sheet.rows.map((r) => cellText(c.kind, r[i]).length),
    );
    col.width = Math.min(MAX_WIDTH[long ? 'long' : 'normal'], Math.max(8, widest + 2));
    for (let n = first + 1; n <= first + sheet.rows.length; n += 1) {
      const cell = ws.getRow(n).getCell(i + 1);
      if (format) cell.numFmt = format;
      if (long) cell.alignment = { wrapText: true, vertical: 'top' };
    }
  });
  ws.views = [{ state: 'frozen', ySplit: first }];
  if (sheet.columns.length)
    ws.autoFilter = {
      from: { row: first, column: 1 },
      to: { row: first, column: sheet.columns.length },
    };
}

/** The time of making in WIB, as the first sheet and Keterangan show it. */
export function generatedLine(at: Date): string {
  return `Dibuat ${cellText('datetime', at)} WIB`;
}

/** The XLSX: each sheet a filtered table (the first with the intro above it), then Keterangan. */
export async function toWorkbook(book: ExportBook): Promise<Buffer> {
  const at = book.generatedAt ?? new Date();
  const wb = new Workbook();
  wb.creator = 'Lumbung';
  wb.created = at;
  book.sheets.forEach((sheet, i) => {
    const ws = wb.addWorksheet(sheet.name.slice(0, 31));
    writeTable(ws, sheet, i === 0 ? [...book.intro, generatedLine(at)] : []);
  });
  const about = wb.addWorksheet('Keterangan');
  for (const line of book.intro) about.addRow([line]);
  about.addRow([generatedLine(at)]);
  about.getRow(1).font = { bold: true, size: 13 };
  about.addRow([]);
  about.addRow(['Lembar', 'Kolom', 'Arti']).font = { bold: true };
  for (const sheet of book.sheets)
    for (const c of sheet.columns) about.addRow([sheet.name, c.header, c.explain]);
  for (const [term, text] of book.notes ?? []) about.addRow([null, term, text]);
  about.getColumn(1).width = 22;
  about.getColumn(2).width = 34;
  about.getColumn(3).width = 100;
  about.getColumn(3).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * Text a spreadsheet would run as a formula: `= + - @`, their fullwidth forms `＝ ＋ － ＠` (some
 * spreadsheet setups, e.g. with East Asian input, read them as the ASCII ones), and a leading tab
 * or carriage return.
 */
const FORMULA_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

function csvField(kind: ColumnKind, v: ExportCell): string {
  let s = cellText(kind, v);
  if (typeof v === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const csvHeader = (h: string) => csvField('text', h);

/**
 * CSV for Excel (UTF-8 BOM, CRLF, quoted fields, no cell a spreadsheet runs as a formula) with the
 * XLSX's headings and values. Several sheets become blocks: the sheet's name on its own line,
 * its headings, its rows, then an empty line.
 */
export function toCsvFile(sheets: ExportSheet[]): Buffer {
  const lines: string[] = [];
  const many = sheets.length > 1;
  sheets.forEach((sheet, i) => {
    if (many) {
      if (i > 0) lines.push('');
      lines.push(csvHeader(sheet.name));
    }
    lines.push(sheet.columns.map((c) => csvHeader(c.header)).join(','));
    for (const r of sheet.rows)
      lines.push(sheet.columns.map((c, j) => csvField(c.kind, r[j])).join(','));
  });
  return Buffer.concat([
    Buffer.from([0xef, 0xbb, 0xbf]),
    Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8'),
  ]);
}
