import { parse } from 'csv-parse/sync';
import { isRole } from '../../authz/permissions';
import { isNipInfo, type NipInfo, parseNip } from '../nip';
import { JABATAN_CATEGORIES, type JabatanCategory } from '../user.entity';

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
  info: NipInfo;
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
      details?: unknown;
    };

/** Excel in Indonesia writes `;` (the decimal comma is `,`); elsewhere `,`. Decide from the header. */
export function detectDelimiter(headerLine: string): ',' | ';' {
  const semis = (headerLine.match(/;/g) ?? []).length;
  const commas = (headerLine.match(/,/g) ?? []).length;
  return semis > commas ? ';' : ',';
}

function validateRow(line: number, cells: Record<string, string>): ParsedUserRow | RejectedRow {
  const get = (k: string): string => (cells[k] ?? '').trim();
  const problems: RowProblem[] = [];
  const nip = get('nip').replace(/\s/g, '');
  const info = parseNip(nip);
  if (!isNipInfo(info)) problems.push({ code: `INVALID_NIP_${info.toUpperCase()}`, field: 'nip' });
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
    const row = validateRow(startLine(record, info.lines), cells);
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
