import type { AssetMetricsDto } from './dto/asset-metrics.dto';

/** The summed rollups of one asset over the range (Postgres sums arrive as strings). */
export interface AssetUsageSumsRow {
  views: string | number;
  uniqueReaders: string | number;
  downloads: string | number;
  endorsements: string | number;
  reuseReports: string | number;
  searchClicks: string | number;
}

/** Distinct readers of the asset from one OPD, most first. */
export interface ReadersByOpdRow {
  code: string;
  readers: string | number;
}

/** One asset's usage over a range as the API answers it: pure, no reads. */
export function presentAssetMetrics(
  range: { assetId: string; from: string; to: string },
  sums: AssetUsageSumsRow,
  byOpd: ReadersByOpdRow[],
): AssetMetricsDto {
  return {
    assetId: range.assetId,
    from: range.from,
    to: range.to,
    views: Number(sums.views),
    uniqueReaders: Number(sums.uniqueReaders),
    downloads: Number(sums.downloads),
    endorsements: Number(sums.endorsements),
    reuseReports: Number(sums.reuseReports),
    searchClicks: Number(sums.searchClicks),
    readersByOpd: byOpd.map((r) => ({ opdCode: r.code, readers: Number(r.readers) })),
  };
}
