export interface TopAsset {
  /** Null (with title) when the caller may not read the asset: it never appears by title. */
  id: string | null;
  title: string | null;
  type: string | null;
  restricted: boolean;
  views: number;
  uniqueReaders: number;
  downloads: number;
  endorsements: number;
  reuseReports: number;
}

export interface ReaderOpdRow {
  opdCode: string;
  opdName: string;
  readers: number;
  quarters: number[];
}

/** One asset's summed rollups of the year (Postgres sums arrive as strings). */
export interface TopAssetSumsRow {
  assetId: string;
  views: string | number;
  uniqueReaders: string | number;
  downloads: string | number;
  endorsements: string | number;
  reuseReports: string | number;
}

/** Distinct readers from one OPD in one period (`periodKey` of the year or a Triwulan). */
export interface PeriodReadersRow {
  code: string;
  name: string;
  period: string;
  readers: string | number;
}

/**
 * A top asset of an OPD's year; `readable` is its title when the caller may read it (the
 * caller loads it), otherwise the asset is restricted and named by nothing.
 */
export function presentTopAsset(
  r: TopAssetSumsRow,
  readable: { id: string; title: string; type: string } | undefined,
): TopAsset {
  return {
    id: readable?.id ?? null,
    title: readable?.title ?? null,
    type: readable?.type ?? null,
    restricted: !readable,
    views: Number(r.views),
    uniqueReaders: Number(r.uniqueReaders),
    downloads: Number(r.downloads),
    endorsements: Number(r.endorsements),
    reuseReports: Number(r.reuseReports),
  };
}

/**
 * Readers by their OPD: `periods[0]` is the year, `periods[1..4]` its Triwulan; one row per OPD,
 * most readers of the year first, then by code.
 */
export function presentReadersByOpd(rows: PeriodReadersRow[], periods: string[]): ReaderOpdRow[] {
  const byOpd = new Map<string, ReaderOpdRow>();
  for (const r of rows) {
    const row = byOpd.get(r.code) ?? {
      opdCode: r.code,
      opdName: r.name,
      readers: 0,
      quarters: [0, 0, 0, 0],
    };
    const i = periods.indexOf(r.period);
    if (i === 0) row.readers = Number(r.readers);
    else row.quarters[i - 1] = Number(r.readers);
    byOpd.set(r.code, row);
  }
  return [...byOpd.values()].sort(
    (a, b) => b.readers - a.readers || a.opdCode.localeCompare(b.opdCode),
  );
}
