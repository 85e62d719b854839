/** The ranking's year and order, as kept in the URL (`/penghargaan?tahun=2025&urut=total`). */
export const ASPECT_KEYS = [
  'relevansi',
  'partisipasi',
  'dokumentasi',
  'diseminasi',
  'manfaat',
  'keberlanjutan',
] as const;
export type AspectKey = (typeof ASPECT_KEYS)[number];

export const RANKING_SORTS = ['rank', 'opd', ...ASPECT_KEYS, 'total'] as const;
export type RankingSort = (typeof RANKING_SORTS)[number];

export interface RankingSearch {
  tahun?: number;
  urut?: RankingSort;
  arah?: 'asc' | 'desc';
}

/** Award years lie where the API's `:year` does (2000–2100). */
export function parseYear(value: unknown): number | undefined {
  const year = Number(value);
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined;
}

/** Only values the page understands survive a hand-edited or stale link. */
export function validateRankingSearch(search: Record<string, unknown>): RankingSearch {
  const out: RankingSearch = {};
  const tahun = parseYear(search.tahun);
  if (tahun) out.tahun = tahun;
  const urut = RANKING_SORTS.find((s) => s === search.urut);
  if (urut && urut !== 'rank') out.urut = urut;
  if (search.arah === 'asc' || search.arah === 'desc') out.arah = search.arah;
  return out;
}

/** The order a column sorts in first: names A–Z and ranks 1 first, scores highest first. */
export function defaultOrder(sort: RankingSort): 'asc' | 'desc' {
  return sort === 'rank' || sort === 'opd' ? 'asc' : 'desc';
}

interface SortableRow {
  opdCode: string;
  opdName: string;
  rank: number;
  total: number;
  aspects: Record<AspectKey, { score: number }>;
}

/** The rows in the chosen order; ties keep the ranking's order (rank, then name). */
export function sortRows<T extends SortableRow>(
  rows: readonly T[],
  sort: RankingSort,
  order: 'asc' | 'desc',
): T[] {
  const value = (row: T): number | string =>
    sort === 'rank'
      ? row.rank
      : sort === 'opd'
        ? row.opdName
        : sort === 'total'
          ? row.total
          : row.aspects[sort].score;
  const sign = order === 'asc' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => {
      const va = value(a.row);
      const vb = value(b.row);
      const cmp =
        typeof va === 'string' && typeof vb === 'string'
          ? va.localeCompare(vb, 'id')
          : (va as number) - (vb as number);
      return cmp !== 0 ? sign * cmp : a.index - b.index;
    })
    .map(({ row }) => row);
}
