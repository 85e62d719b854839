import { parse } from 'csv-parse/sync';
import { Workbook } from 'exceljs';

/** Largest attendance sheet read (bytes); Forms, Zoom and Teams exports are far smaller. */
export const ATTENDANCE_SHEET_MAX_BYTES = 2 * 1024 * 1024;
/** Most data rows a sheet may have (a meeting takes at most MAX_ATTENDEES attendees). */
export const ATTENDANCE_SHEET_MAX_ROWS = 2000;
/** Extra rows before the header (titles, a Zoom or Teams summary) looked through for it. */
const HEADER_SEARCH_ROWS = 40;

/** Marks a cell Excel stored as a number too large to keep every digit of a NIP. */
const IMPRECISE = '\u2248';

export type SheetProblem = 'unreadable' | 'no_nip_column' | 'too_many_rows' | 'empty';

/** One row of the sheet that should name an attendee: its 1-based row number as the sheet shows it. */
export interface SheetEntry {
  row: number;
  /** The NIP cell as written (trimmed), '' when empty. */
  rawNip: string;
  /** The NIP when the cell holds 18 digits (spaces and a leading apostrophe allowed). */
  nip: string | null;
  /** Why the cell is not a NIP, when it is not. */
  problem?: 'empty' | 'format' | 'imprecise';
  name?: string;
}

export type SheetResult =
  { ok: true; entries: SheetEntry[] } | { ok: false; problem: SheetProblem };

/**
 * Reads an attendance sheet as online forms and meeting tools export it (Google and Microsoft
 * Forms responses, Zoom and Teams attendance reports) as CSV or XLSX: the NIP column is found by
 * its header ("NIP", "NIP (18 digit)", "Nomor Induk Pegawai") in any of the first rows, past
 * titles and summaries; CSV may carry a BOM, be UTF-16 (Teams), and use `,`, `;` or tabs. Without
 * a NIP header, rows with an 18-digit number in any cell (a NIP typed into the display name)
 * are read. Nothing is looked up here: see MeetingsService.previewAttendance.
 */
export async function readAttendanceSheet(buffer: Buffer): Promise<SheetResult> {
  if (buffer.length === 0) return { ok: false, problem: 'empty' };
  const rows = isZip(buffer) ? await xlsxRows(buffer) : csvRows(buffer);
  if (!rows) return { ok: false, problem: 'unreadable' };
  if (rows.every((r) => r.every((c) => c === ''))) return { ok: false, problem: 'empty' };
  const entries = byHeader(rows) ?? byDigits(rows);
  if (!entries) return { ok: false, problem: 'no_nip_column' };
  if (entries.length > ATTENDANCE_SHEET_MAX_ROWS) return { ok: false, problem: 'too_many_rows' };
  return { ok: true, entries };
}

function isZip(b: Buffer): boolean {
  return b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
}

/** The text of a CSV export: UTF-8 (BOM or not), UTF-16 with its BOM, or Windows-1252. */
function decodeText(b: Buffer): string | undefined {
  if (b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le').decode(b.subarray(2));
  if (b[0] === 0xfe && b[1] === 0xff) return new TextDecoder('utf-16be').decode(b.subarray(2));
  if (b.includes(0)) return undefined;
  const body = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? b.subarray(3) : b;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return new TextDecoder('windows-1252').decode(body);
  }
}

function csvRows(b: Buffer): string[][] | undefined {
  const text = decodeText(b);
  if (text === undefined || text.includes('\u0000')) return undefined;
  const sample = text.split(/\r?\n/).slice(0, HEADER_SEARCH_ROWS).join('\n');
  const delimiter = [',', ';', '\t'].reduce((best, d) =>
    sample.split(d).length > sample.split(best).length ? d : best,
  );
  try {
    const rows: string[][] = parse(text, {
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      max_record_size: 64 * 1024,
    });
    return rows.map((r) => r.map((c) => c.trim()));
  } catch {
    return undefined;
  }
}

async function xlsxRows(b: Buffer): Promise<string[][] | undefined> {
  const wb = new Workbook();
  try {
    await wb.xlsx.load(b as unknown as ArrayBuffer);
  } catch {
    return undefined;
  }
  const sheets = wb.worksheets.map((ws) => {
    const rows: string[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cellText(cell.value);
      });
      rows[n - 1] = Array.from(cells, (c) => c ?? '');
    });
    return Array.from(rows, (r) => r ?? []);
  });
  if (sheets.length === 0) return undefined;
  return sheets.find((rows) => headerAt(rows) !== undefined) ?? sheets[0];
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') {
    // 18 digits do not fit a double: Excel has already lost the last ones.
    return Number.isSafeInteger(v) ? String(v) : `${IMPRECISE}${v.toFixed(0)}`;
  }
  if (typeof v === 'string') return v.trim();
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown };
    if (Array.isArray(o.richText))
      return o.richText
        .map((t) => t.text)
        .join('')
        .trim();
    if (typeof o.text === 'string') return o.text.trim();
    if (o.result !== undefined) return cellText(o.result);
  }
  return '';
}

const norm = (h: string): string =>
  h
    .replace(/^\ufeff/, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
/** "NIP", "NIP (18 digit)", "NIP/NRK", "Nomor Induk Pegawai": a heading, not a value that ends in NIP. */
const isNipHeader = (h: string): boolean =>
  /^nip( |$)/.test(norm(h)) || norm(h).startsWith('nomor induk pegawai');
const isNameHeader = (h: string): boolean =>
  /(^| )(nama|name)( |$)/.test(norm(h)) && !isNipHeader(h);

function headerAt(rows: string[][]): { row: number; nip: number; name: number } | undefined {
  for (let i = 0; i < Math.min(rows.length, HEADER_SEARCH_ROWS); i++) {
    const nip = rows[i].findIndex(isNipHeader);
    if (nip >= 0) return { row: i, nip, name: rows[i].findIndex(isNameHeader) };
  }
  return undefined;
}

/** A NIP cell as people type it: spaces inside, a leading apostrophe, Excel's `="…"`. */
function nipOf(raw: string): Pick<SheetEntry, 'nip' | 'problem'> {
  if (raw === '') return { nip: null, problem: 'empty' };
  if (raw.startsWith(IMPRECISE)) return { nip: null, problem: 'imprecise' };
  const cleaned = raw
    .replace(/^="?|"$/g, '')
    .replace(/^'/, '')
    .replace(/[\s\u00a0]+/g, '');
  return /^\d{18}$/.test(cleaned) ? { nip: cleaned } : { nip: null, problem: 'format' };
}

function byHeader(rows: string[][]): SheetEntry[] | undefined {
  const h = headerAt(rows);
  if (!h) return undefined;
  const out: SheetEntry[] = [];
  for (let i = h.row + 1; i < rows.length; i++) {
    const r = rows[i];
    if (r.every((c) => c === '')) continue;
    const rawNip = r[h.nip] ?? '';
    const name = h.name >= 0 ? r[h.name] || undefined : undefined;
    out.push({ row: i + 1, rawNip, ...nipOf(rawNip), ...(name ? { name } : {}) });
    if (out.length > ATTENDANCE_SHEET_MAX_ROWS) break;
  }
  return out;
}

const EMBEDDED_NIP = /(?<!\d)\d{18}(?!\d)/;

function byDigits(rows: string[][]): SheetEntry[] | undefined {
  const out: SheetEntry[] = [];
  rows.forEach((r, i) => {
    const cell = r.find((c) => EMBEDDED_NIP.test(c));
    if (cell === undefined || out.length > ATTENDANCE_SHEET_MAX_ROWS) return;
    const nip = (EMBEDDED_NIP.exec(cell) as RegExpExecArray)[0];
    const name = cell
      .replace(nip, '')
      .replace(/[()[\]\-–|/,]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    out.push({ row: i + 1, rawNip: nip, nip, ...(name ? { name } : {}) });
  });
  return out.length > 0 ? out : undefined;
}
