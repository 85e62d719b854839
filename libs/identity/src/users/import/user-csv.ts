import { parse } from 'csv-parse/sync';
import { isRole } from '../../authz/permissions';
import { isNipInfo, type NipInfo, parseNip } from '../nip';
import { isCalendarDay } from '@lumbung/platform';
import {
  DEPARTURE_REASONS,
  type DepartureReason,
  JABATAN_CATEGORIES,
  type JabatanCategory,
} from '../user.entity';

export const CSV_COLUMNS = [
  'nip',
  'name',
  'email',
  'opd_code',
  'jabatan',
  'jabatan_kategori',
  'roles',
] as const;
const REQUIRED_COLUMNS = CSV_COLUMNS.filter((c) => c !== 'roles');
// Optional columns: a planned departure (`planned_departure` YYYY-MM-DD with `departure_reason`
// one of DEPARTURE_REASONS and an optional `departure_note`; both empty removes it), and a birth
// date (`birth_date` or `tanggal_lahir`, YYYY-MM-DD) that, when given, must agree with the NIP's.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface RowProblem {
  code: string;
  field?: string;
}

export interface ParsedUserRow {
  line: number;
  nip: string;
  name: string;
  email: string;
  opdCode: string;
  jabatan: string;
  jabatanKategori: JabatanCategory;
  /** undefined when the cell was empty (an existing user keeps the roles they have). */
  roles: string[] | undefined;
  /** undefined when the file has no departure columns (an existing user keeps theirs). */
  plannedDeparture?: PlannedDepartureCells | null;
  info: NipInfo;
}

export interface PlannedDepartureCells {
  date: string;
  reason: DepartureReason;
  note: string | null;
}

export interface RejectedRow {
  line: number;
  nip: string;
  problems: RowProblem[];
}

export type CsvParseResult =
  | { ok: true; rows: ParsedUserRow[]; rejected: RejectedRow[] }
  | {
      ok: false;
      problem: 'empty' | 'unparseable' | 'missing_columns' | 'too_many_rows';
      details?: Record<string, unknown>;
    };

/** Excel in Indonesia writes `;` (the decimal comma is `,`); elsewhere `,`. Decide from the header. */
export function detectDelimiter(headerLine: string): ',' | ';' {
  const semis = (headerLine.match(/;/g) ?? []).length;
  const commas = (headerLine.match(/,/g) ?? []).length;
  return semis > commas ? ';' : ',';
}

/** The planned departure cells of a row, or the problems with them (both cells empty: none). */
function plannedDepartureOf(
  get: (k: string) => string,
  problems: RowProblem[],
): PlannedDepartureCells | null {
  const date = get('planned_departure');
  const reason = get('departure_reason').toLowerCase();
  const note = get('departure_note').replace(/\s+/g, ' ');
  if (!date && !reason) {
    if (note) problems.push({ code: 'PLANNED_DEPARTURE_INCOMPLETE', field: 'planned_departure' });
    return null;
  }
  if (!date || !reason) {
    problems.push({
      code: 'PLANNED_DEPARTURE_INCOMPLETE',
      field: date ? 'departure_reason' : 'planned_departure',
    });
    return null;
  }
  if (!isCalendarDay(date)) {
    problems.push({ code: 'INVALID_PLANNED_DEPARTURE', field: 'planned_departure' });
  }
  if (!(DEPARTURE_REASONS as readonly string[]).includes(reason)) {
    problems.push({ code: 'INVALID_DEPARTURE_REASON', field: 'departure_reason' });
  }
  if (note.length > 500) problems.push({ code: 'INVALID_DEPARTURE_NOTE', field: 'departure_note' });
  return { date, reason: reason as DepartureReason, note: note || null };
}

function validateRow(
  line: number,
  cells: Record<string, string>,
  header: readonly string[],
): ParsedUserRow | RejectedRow {
  const get = (k: string): string => (cells[k] ?? '').trim();
  const problems: RowProblem[] = [];
  const nip = get('nip').replace(/\s/g, '');
  const info = parseNip(nip);
  if (!isNipInfo(info)) problems.push({ code: `INVALID_NIP_${info.toUpperCase()}`, field: 'nip' });
  // The birth date is the NIP's: a file that says otherwise is reported, never reconciled.
  for (const column of ['birth_date', 'tanggal_lahir']) {
    const given = get(column);
    if (given && isNipInfo(info) && given !== info.birthDate) {
      problems.push({ code: 'BIRTH_DATE_MISMATCH', field: column });
    }
  }
  const hasDepartureColumns =
    header.includes('planned_departure') || header.includes('departure_reason');
  const plannedDeparture = hasDepartureColumns ? plannedDepartureOf(get, problems) : undefined;
  const name = get('name').replace(/\s+/g, ' ');
  if (name.length < 2 || name.length > 200) problems.push({ code: 'INVALID_NAME', field: 'name' });
  const email = get('email').toLowerCase();
  if (!EMAIL.test(email) || email.length > 254) {
    problems.push({ code: 'INVALID_EMAIL', field: 'email' });
  }
  const opdCode = get('opd_code').toUpperCase();
  if (!/^[A-Z][A-Z0-9]{1,15}$/.test(opdCode)) {
    problems.push({ code: 'UNKNOWN_OPD', field: 'opd_code' });
  }
  const jabatan = get('jabatan').replace(/\s+/g, ' ');
  if (jabatan.length < 2 || jabatan.length > 200) {
    problems.push({ code: 'INVALID_JABATAN', field: 'jabatan' });
  }
  const kategori = get('jabatan_kategori').toLowerCase();
  if (!(JABATAN_CATEGORIES as readonly string[]).includes(kategori)) {
    problems.push({ code: 'INVALID_JABATAN_KATEGORI', field: 'jabatan_kategori' });
  }
  const rolesCell = get('roles').toLowerCase();
  const roles = rolesCell ? [...new Set(rolesCell.split(/[|,;\s]+/).filter(Boolean))] : undefined;
  if (roles?.some((r) => !isRole(r))) problems.push({ code: 'INVALID_ROLE', field: 'roles' });
  if (problems.length > 0 || !isNipInfo(info)) return { line, nip, problems };
  return {
    line,
    nip,
    name,
    email,
    opdCode,
    jabatan,
    jabatanKategori: kategori as JabatanCategory,
    roles,
    ...(plannedDeparture !== undefined ? { plannedDeparture } : {}),
    info,
  };
}

interface CsvRecord {
  record: string[];
  info: { lines: number };
}

/** csv-parse reports the line a record ends on; quoted cells may span lines. */
function startLine(record: string[], endLine: number): number {
  const inner = record.reduce((n, cell) => n + (cell.match(/\r\n|\n|\r/g)?.length ?? 0), 0);
  return endLine - inner;
}

/**
 * Parses a user CSV (UTF-8 with or without BOM, `,` or `;`, quoted cells) and validates each row
 * on its own; a NIP or email seen earlier in the file rejects the later row.
 */
export function parseUserCsv(text: string, maxRows: number): CsvParseResult {
  const body = text.replace(/^\uFEFF/, '');
  const headerLine = body.split(/\r\n|\n|\r/).find((l) => l.trim() !== '');
  if (headerLine === undefined) return { ok: false, problem: 'empty' };
  let records: CsvRecord[];
  try {
    records = parse(body, {
      delimiter: detectDelimiter(headerLine),
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as CsvRecord[];
  } catch (error) {
    return { ok: false, problem: 'unparseable', details: { reason: (error as Error).message } };
  }
  // Excel writes blank rows as `;;;;;;`: they are not rows.
  records = records.filter(({ record }) => record.some((cell) => cell.trim() !== ''));
  if (records.length > maxRows + 1) {
    return { ok: false, problem: 'too_many_rows', details: { maxRows } };
  }
  const header = (records[0]?.record ?? []).map((h) => h.trim().toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) return { ok: false, problem: 'missing_columns', details: { missing } };

  const rows: ParsedUserRow[] = [];
  const rejected: RejectedRow[] = [];
  const seenNip = new Set<string>();
  const seenEmail = new Set<string>();
  for (const { record, info } of records.slice(1)) {
    const cells = Object.fromEntries(header.map((h, i) => [h, record[i] ?? '']));
    const row = validateRow(startLine(record, info.lines), cells, header);
    if ('problems' in row) {
      rejected.push(row);
      continue;
    }
    const dup: RowProblem[] = [];
    if (seenNip.has(row.nip)) dup.push({ code: 'DUPLICATE_NIP_IN_FILE', field: 'nip' });
    if (seenEmail.has(row.email)) dup.push({ code: 'DUPLICATE_EMAIL_IN_FILE', field: 'email' });
    seenNip.add(row.nip);
    seenEmail.add(row.email);
    if (dup.length > 0) rejected.push({ line: row.line, nip: row.nip, problems: dup });
    else rows.push(row);
  }
  return { ok: true, rows, rejected };
}
