import { round2 } from './normalise';
import { type AspectKey } from './rubric';

/** Aspects compared, in this order, when totals are equal (documentation first: the portal's core). */
export const TIE_BREAK_ASPECTS: readonly AspectKey[] = [
  'dokumentasi',
  'diseminasi',
  'partisipasi',
  'keberlanjutan',
  'manfaat',
  'relevansi',
];

/**
 * The tie rule, as published with the results. Totals and aspect scores are compared at
 * 2 decimals (what people see), ranks follow standard competition ranking (1, 2, 2, 4), and
 * every OPD ranked within the winners' places wins, so a tie at the cut-off never forces the
 * committee to drop one of the tied OPD arbitrarily.
 */
export const TIE_RULE = {
  id:
    'Nilai total dibandingkan setelah dibulatkan ke 2 desimal; bila sama, yang lebih tinggi nilai ' +
    'Dokumentasi, lalu Diseminasi, Partisipasi, Keberlanjutan, Manfaat, dan Relevansi (masing-masing ' +
    '2 desimal) berperingkat lebih baik; bila semuanya sama, OPD berbagi peringkat yang sama ' +
    '(1, 2, 2, 4) dan semua OPD dengan peringkat sampai batas jumlah pemenang menjadi pemenang.',
  en:
    'Totals are compared rounded to 2 decimals; if equal, the higher Documentation score ranks ' +
    'first, then Dissemination, Participation, Sustainability, Benefit and Relevance (each at ' +
    '2 decimals); if all are equal the OPD share the same rank (1, 2, 2, 4) and every OPD whose ' +
    'rank is within the number of winners wins.',
} as const;

export interface RankableRow {
  readonly opdCode: string;
  readonly total: number;
  readonly aspects: Readonly<Record<AspectKey, { readonly score: number }>>;
}

export type RankedRow<T extends RankableRow> = T & { rank: number; winner: boolean };

/** Hundredths as integers, so "equal at 2 decimals" is an exact comparison. */
function meritKey(row: RankableRow): number[] {
  const scores = [row.total, ...TIE_BREAK_ASPECTS.map((aspect) => row.aspects[aspect].score)];
  return scores.map((score) => Math.round(round2(score) * 100));
}

/** Negative when a ranks above b, 0 when fully tied. */
function compareMerit(a: readonly number[], b: readonly number[]): number {
  for (let index = 0; index < a.length; index++) {
    if (a[index] !== b[index]) return b[index] - a[index];
  }
  return 0;
}

/** Code-unit order, not locale order: the listing must not depend on the server's locale. */
function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Rows sorted best first with their rank and winner flag (see TIE_RULE). Fully tied rows are
 * listed by opdCode ascending; the order among them carries no meaning.
 */
export function rankOpds<T extends RankableRow>(
  rows: readonly T[],
  winners: number,
): RankedRow<T>[] {
  if (!Number.isInteger(winners) || winners < 1) {
    throw new RangeError(`winners must be a positive integer, got ${winners}`);
  }
  const keyed = rows.map((row) => ({ row, key: meritKey(row) }));
  keyed.sort((a, b) => compareMerit(a.key, b.key) || compareCodes(a.row.opdCode, b.row.opdCode));
  const ranked: RankedRow<T>[] = [];
  keyed.forEach(({ row, key }, index) => {
    const previous = index > 0 ? keyed[index - 1].key : null;
    const rank =
      previous !== null && compareMerit(previous, key) === 0 ? ranked[index - 1].rank : index + 1;
    ranked.push({ ...row, rank, winner: rank <= winners });
  });
  return ranked;
}
