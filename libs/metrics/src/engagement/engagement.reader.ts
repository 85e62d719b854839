import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** What an asset earned from its readers: endorsements in force and reuse reports. */
export interface AssetEngagement {
  endorsements: number;
  reuseReports: number;
}

/** Read service for other contexts (the expertise map): engagement counts per asset. */
@Injectable()
export class EngagementReader {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Counts for each of these assets (assets without any are absent). */
  async countsByAsset(assetIds: readonly string[]): Promise<Map<string, AssetEngagement>> {
    if (assetIds.length === 0) return new Map();
    const rows = await this.ds.query<{ id: string; endorsements: number; reuse: number }[]>(
      `WITH ids AS (SELECT DISTINCT unnest($1::uuid[]) AS id),
       e AS (SELECT asset_id, count(*)::int AS n FROM asset_endorsements
              WHERE asset_id IN (SELECT id FROM ids) GROUP BY asset_id),
       r AS (SELECT asset_id, count(*)::int AS n FROM asset_reuse_reports
              WHERE asset_id IN (SELECT id FROM ids) GROUP BY asset_id)
       SELECT ids.id, coalesce(e.n, 0) AS endorsements, coalesce(r.n, 0) AS reuse
         FROM ids LEFT JOIN e ON e.asset_id = ids.id LEFT JOIN r ON r.asset_id = ids.id
        WHERE e.n IS NOT NULL OR r.n IS NOT NULL`,
      [assetIds],
    );
    return new Map(
      rows.map((r) => [r.id, { endorsements: r.endorsements, reuseReports: r.reuse }]),
    );
  }
}
