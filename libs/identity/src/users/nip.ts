import type { Sex } from './user.entity';

export interface NipInfo {
  nip: string;
  /** YYYY-MM-DD */
  birthDate: string;
  /** YYYY-MM of the appointment as civil servant. */
  appointedMonth: string;
  sex: Sex;
}

export type NipProblem = 'format' | 'birth_date' | 'appointment' | 'sex';

function isValidDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * Parses an 18-digit NIP: digits 1–8 birth date (YYYYMMDD), 9–14 appointment (YYYYMM),
 * 15 sex (1 male, 2 female), 16–18 sequence. Returns the problem when it is not valid.
 */
export function parseNip(input: string, today: Date = new Date()): NipInfo | NipProblem {
  if (!/^\d{18}$/.test(input)) return 'format';
  const y = Number(input.slice(0, 4));
  const m = Number(input.slice(4, 6));
  const d = Number(input.slice(6, 8));
  const year = today.getUTCFullYear();
  if (y < 1940 || y > year - 15 || !isValidDate(y, m, d)) return 'birth_date';
  const ay = Number(input.slice(8, 12));
  const am = Number(input.slice(12, 14));
  if (ay < y + 15 || ay > year + 1 || am < 1 || am > 12) return 'appointment';
  const sexDigit = input[14];
  if (sexDigit !== '1' && sexDigit !== '2') return 'sex';
  return {
    nip: input,
    birthDate: `${input.slice(0, 4)}-${input.slice(4, 6)}-${input.slice(6, 8)}`,
    appointedMonth: `${input.slice(8, 12)}-${input.slice(12, 14)}`,
    sex: sexDigit === '1' ? 'male' : 'female',
  };
}

export function isNipInfo(value: NipInfo | NipProblem): value is NipInfo {
  return typeof value === 'object';
}
