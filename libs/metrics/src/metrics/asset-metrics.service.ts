import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CommonErrors, isUuid, wibDay } from '@lumbung/platform';
import { Permission, type Principal } from '@lumbung/identity';
import { MetricsErrors } from '../metrics.errors';
import { isDay } from '../rollup/periods';
import type { AssetMetricsDto } from './dto/asset-metrics.dto';
import {
  presentAssetMetrics,
  type AssetUsageSumsRow,
  type ReadersByOpdRow,
} from './asset-metrics.presenter';

/**
 * Usage of one asset over a range of days, for its authors, its OPD's admins, assessors and
 * admins. Out of scope looks exactly like missing (404).
 */
@Injectable()
export class AssetMetricsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async assetMetrics(
    principal: Principal,
    id: string,
    range: { from?: string; to?: string },
  ): Promise<AssetMetricsDto> {
    const to = range.to ?? wibDay();
    const from =
      range.from ??
      new Date(Date.parse(`${to}T00:00:00Z`) - 365 * 86_400_000).toISOString().slice(0, 10);
    if (!isDay(from) || !isDay(to) || from > to) throw MetricsErrors.badPeriod();
    const rows = isUuid(id)
      ? await this.ds.query<{ opdId: string; authorIds: string[] }[]>(
          `SELECT opd_id AS "opdId", author_ids AS "authorIds" FROM knowledge_assets WHERE id = $1 AND status <> 'draft'`,
          [id],
        )
      : [];
    const asset = rows[0];
    const allowed =
      asset &&
      (principal.can(Permission.MetricsReadAll) ||
        asset.authorIds.includes(principal.userId) ||
        principal.opdsWhere('opd_admin').includes(asset.opdId));
    if (!allowed) throw CommonErrors.notFound();
    const [[sums], byOpd] = await Promise.all([
      this.ds.query<AssetUsageSumsRow[]>(
        `SELECT coalesce(sum(views), 0) AS views, coalesce(sum(unique_readers), 0) AS "uniqueReaders",
                coalesce(sum(downloads), 0) AS downloads, coalesce(sum(endorsements), 0) AS endorsements,
                coalesce(sum(reuse_reports), 0) AS "reuseReports",
                coalesce(sum(search_clicks), 0) AS "searchClicks"
           FROM usage_daily_asset WHERE asset_id = $1 AND day BETWEEN $2 AND $3`,
        [id, from, to],
      ),
      this.ds.query<ReadersByOpdRow[]>(
        `SELECT o.code, sum(r.readers) AS readers
           FROM usage_daily_asset_readers r JOIN identity_opds o ON o.id = r.reader_opd_id
          WHERE r.asset_id = $1 AND r.day BETWEEN $2 AND $3
          GROUP BY o.code ORDER BY sum(r.readers) DESC, o.code`,
        [id, from, to],
      ),
    ]);
    return presentAssetMetrics({ assetId: id, from, to }, sums, byOpd);
  }
}
