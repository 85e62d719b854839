import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CommonErrors } from '@lumbung/platform';
import { OpdsService, Permission, type Principal } from '@lumbung/identity';
import { periodDays, periodKey } from '../rollup/periods';
import { type AnomalyFlag, AnomalyFlagsService } from './anomaly-flags.service';
import { AssetTitlesReader } from './asset-titles.reader';
import { MetricsService, type Period } from './metrics.service';
import { METRIC_DEFINITIONS, type MetricDefinition } from './metric-definitions';
import type { OpdMetrics } from './opd-metrics';
import {
  presentReadersByOpd,
  presentTopAsset,
  type PeriodReadersRow,
  type ReaderOpdRow,
  type TopAsset,
  type TopAssetSumsRow,
} from './metrics-view.presenter';

export interface OpdDetail {
  year: number;
  opd: OpdMetrics;
  quarters: (OpdMetrics & { quarter: number })[];
  topAssets: TopAsset[];
  anomalies: AnomalyFlag[];
  readersByOpd: ReaderOpdRow[];
  definitions: MetricDefinition[];
}

/**
 * One OPD's metrics and who may see them: assessors and admins every OPD; anyone else only their
 * own OPD. Out of scope looks exactly like missing (404).
 */
@Injectable()
export class MetricsViewService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly metrics: MetricsService,
    private readonly opds: OpdsService,
    private readonly flags: AnomalyFlagsService,
    private readonly titles: AssetTitlesReader,
  ) {}

  async list(principal: Principal, period: Period): Promise<OpdMetrics[]> {
    const all = principal.can(Permission.MetricsReadAll);
    return this.metrics.opdMetrics(period, all ? undefined : principal.opdId);
  }

  async detail(principal: Principal, code: string, year: number): Promise<OpdDetail> {
    const opdId = await this.visibleOpd(principal, code);
    const [[opd], ...quarters] = await Promise.all([
      this.metrics.opdMetrics({ year }, opdId),
      ...[1, 2, 3, 4].map((q) => this.metrics.opdMetrics({ year, quarter: q }, opdId)),
    ]);
    return {
      year,
      opd,
      quarters: quarters.map(([row], i) => ({ quarter: i + 1, ...row })),
      ...(await Promise.all([
        this.topAssets(principal, opdId, year),
        this.flags.anomalies(principal, year, opdId),
        this.readersByOpd(opdId, year),
      ]).then(([topAssets, anomalies, readersByOpd]) => ({ topAssets, anomalies, readersByOpd }))),
      definitions: [...METRIC_DEFINITIONS],
    };
  }

  /**
   * Distinct readers of the OPD's assets by the reader's OPD, in the year and each Triwulan, from
   * the same period reader counts as `uniqueReaders` and `internalReaders` (so the rows add up).
   */
  private async readersByOpd(opdId: string, year: number): Promise<ReaderOpdRow[]> {
    const periods = [periodKey(year), ...[1, 2, 3, 4].map((q) => periodKey(year, q))];
    const rows = await this.ds.query<PeriodReadersRow[]>(
      `SELECT o.code, o.name, c.period, c.readers
         FROM usage_period_reader_counts c JOIN identity_opds o ON o.id = c.reader_opd_id
        WHERE c.asset_opd_id = $1 AND c.period = ANY($2) AND c.readers > 0`,
      [opdId, periods],
    );
    return presentReadersByOpd(rows, periods);
  }

  /** The OPD's id when the caller may see its metrics; otherwise 404. */
  async visibleOpd(principal: Principal, code: string): Promise<string> {
    const id = (await this.opds.idsByCode([code.toUpperCase()])).get(code.toUpperCase());
    if (!id) throw CommonErrors.notFound();
    if (!principal.can(Permission.MetricsReadAll) && principal.opdId !== id)
      throw CommonErrors.notFound();
    return id;
  }

  private async topAssets(principal: Principal, opdId: string, year: number): Promise<TopAsset[]> {
    const { first, last } = periodDays(year);
    const rows = await this.ds.query<TopAssetSumsRow[]>(
      `SELECT asset_id AS "assetId", sum(views) AS views, sum(unique_readers) AS "uniqueReaders",
              sum(downloads) AS downloads, sum(endorsements) AS endorsements,
              sum(reuse_reports) AS "reuseReports"
         FROM usage_daily_asset
        WHERE asset_opd_id = $1 AND day BETWEEN $2 AND $3
        GROUP BY asset_id ORDER BY sum(views) DESC, sum(downloads) DESC, asset_id LIMIT 10`,
      [opdId, first, last],
    );
    const titles = await this.titles.readableTitles(
      principal,
      rows.map((r) => r.assetId),
    );
    return rows.map((r) => presentTopAsset(r, titles.get(r.assetId)));
  }
}
