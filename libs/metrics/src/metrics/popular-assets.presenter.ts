import type { PopularAssetsDto } from './dto/popular-assets.dto';

/** A ranked asset of the Triwulan (no counts: its usage belongs to its OPD's metrics). */
export interface PopularAssetRow {
  id: string;
  title: string;
  type: string;
  opdCode: string;
  publishedAt: Date | null;
}

/** The Triwulan's most used readable assets as the API answers them: pure, no reads. */
export function presentPopularAssets(
  period: { year: number; quarter: number },
  rows: PopularAssetRow[],
): PopularAssetsDto {
  return {
    year: period.year,
    quarter: period.quarter,
    items: rows.map((r) => ({
      id: r.id,
      title: r.title,
      type: r.type,
      opdCode: r.opdCode,
      publishedAt: r.publishedAt ? new Date(r.publishedAt).toISOString() : null,
    })),
  };
}
