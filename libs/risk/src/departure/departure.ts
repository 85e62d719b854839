import type { DepartureReason, JabatanCategory } from '@lumbung/identity';

/**
 * Retirement age (batas usia pensiun, BUP) per position category: 58 for administrative posts and
 * functional posts up to ahli muda (keterampilan included), 60 for senior leadership (JPT) and
 * fungsional ahli madya, 65 for fungsional ahli utama.
 */
export const BUP_YEARS: Readonly<Record<JabatanCategory, 58 | 60 | 65>> = {
  administrasi: 58,
  fungsional_ahli_pertama: 58,
  fungsional_ahli_muda: 58,
  fungsional_keterampilan: 58,
  fungsional_lain: 58,
  pimpinan_tinggi: 60,
  fungsional_ahli_madya: 60,
  fungsional_ahli_utama: 65,
};

/** `bup`: the statutory retirement; `rencana`: a planned departure recorded by the OPD admin. */
export type DepartureKind = 'bup' | 'rencana';

export interface Departure {
  /** YYYY-MM-DD: the first day the person is no longer in post. */
  date: string;
  /** YYYY-MM: what the register shows (never the birth date, nor the exact planned day). */
  month: string;
  kind: DepartureKind;
  /** For a planned departure: mutasi, pindah_instansi, pensiun_dini or akhir_kontrak_pppk. */
  reason: DepartureReason | null;
}

export interface DepartureFacts {
  /** YYYY-MM-DD, from digits 1–8 of the NIP. */
  birthDate: string;
  jabatanKategori: JabatanCategory;
  plannedDeparture: { date: string; reason: DepartureReason } | null;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * Retirement takes effect on the first day of the month after the BUP birthday. Only the birth
 * year and month matter: a birthday on the 1st still retires on the 1st of the next month, and
 * someone born on 29 February has their BUP birthday in February of a common year too.
 */
export function statutoryRetirement(birthDate: string, kategori: JabatanCategory): string {
  const year = Number(birthDate.slice(0, 4)) + BUP_YEARS[kategori];
  const month = Number(birthDate.slice(5, 7));
  return month === 12 ? `${year + 1}-01-01` : `${year}-${pad2(month + 1)}-01`;
}

/**
 * When the person leaves: a planned departure overrides the statutory retirement; nobody stays
 * past their BUP, so a planned date later than it leaves the BUP in force.
 */
export function departureOf(facts: DepartureFacts): Departure {
  const bup = statutoryRetirement(facts.birthDate, facts.jabatanKategori);
  const planned = facts.plannedDeparture;
  if (planned && planned.date < bup) {
    return {
      date: planned.date,
      month: planned.date.slice(0, 7),
      kind: 'rencana',
      reason: planned.reason,
    };
  }
  return { date: bup, month: bup.slice(0, 7), kind: 'bup', reason: null };
}

/** Whole calendar months from `today` until `day` (negative once it has passed). */
export function monthsUntil(today: string, day: string): number {
  const [y1, m1, d1] = today.split('-').map(Number);
  const [y2, m2, d2] = day.split('-').map(Number);
  return (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
}
