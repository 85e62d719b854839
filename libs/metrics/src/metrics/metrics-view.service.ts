import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CommonErrors, isUuid, wibDay } from '@lumbung/platform';
import { OpdsService, Permission, type Principal } from '@lumbung/identity';
import { readablePredicate, readerOf } from '@lumbung/knowledge';
import { MetricsErrors } from '../metrics.errors';
import { isDay, periodDays, periodKey } from '../rollup/periods';
import { spike } from './anomalies';
import type { AccountEvidenceDto, AssetMetricsDto, SpikeEvidenceDto } from './metrics.dto';
import { MetricsService, type Period } from './metrics.service';
import { METRIC_DEFINITIONS, type MetricDefinition } from './metric-definitions';
import type { OpdMetrics } from './opd-metrics';

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

export interface AnomalyFlag {
  kind: 'spike' | 'concentration' | 'burst';
  opdCode: string;
  period: string;
  message: { id: string; en: string };
  evidence: SpikeEvidenceDto | AccountEvidenceDto;
}

export interface ReaderOpdRow {
  opdCode: string;
  opdName: string;
  readers: number;
  quarters: number[];
}

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
 * Who may see which metrics (quality.md MT-11): assessors and admins every OPD; anyone else
 * only their own OPD. Asset metrics: its authors, its OPD's admins, assessors and admins. Out of
 * scope looks exactly like missing (404).
 */
@Injectable()
export class MetricsViewService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly metrics: MetricsService,
    private readonly opds: OpdsService,
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
        this.anomalies(principal, year, opdId),
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
    const rows = await this.ds.query<
      { code: string; name: string; period: string; readers: number }[]
    >(
      `SELECT o.code, o.name, c.period, c.readers
         FROM usage_period_reader_counts c JOIN opds o ON o.id = c.reader_opd_id
        WHERE c.asset_opd_id = $1 AND c.period = ANY($2) AND c.readers > 0`,
      [opdId, periods],
    );
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

  /** Spikes, concentrations and bursts of the year, with their evidence (all OPD or one). */
  async anomalies(principal: Principal, year: number, opdId?: string): Promise<AnomalyFlag[]> {
    const { first, last } = periodDays(year);
    const flags: AnomalyFlag[] = [];
    const [quarterly, rows] = await Promise.all([
      this.ds.query<{ opd_id: string; y: number; q: number; views: string }[]>(
        `SELECT asset_opd_id AS opd_id, extract(year FROM day)::int AS y, extract(quarter FROM day)::int AS q,
              sum(views) AS views
         FROM usage_daily_opd
        WHERE day <= $1 AND ($2::uuid IS NULL OR asset_opd_id = $2)
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
        [last, opdId ?? null],
      ),
      this.ds.query<
        {
          day: string;
          kind: 'concentration' | 'burst';
          asset_id: string | null;
          asset_opd_id: string | null;
          actor_user_id: string | null;
          actor_opd_id: string | null;
          value: number;
          total: number;
        }[]
      >(
        `SELECT day, kind, asset_id, asset_opd_id, actor_user_id, actor_opd_id, value, total
         FROM usage_anomalies
        WHERE day BETWEEN $1 AND $2
          AND ($3::uuid IS NULL OR asset_opd_id = $3 OR (kind = 'burst' AND actor_opd_id = $3))
        ORDER BY day, id`,
        [first, last, opdId ?? null],
      ),
    ]);
    const codes = await this.opds.codesByIds([
      ...new Set(
        [
          ...quarterly.map((r) => r.opd_id),
          ...rows.map((r) => (r.kind === 'burst' ? r.actor_opd_id : r.asset_opd_id)),
          ...rows.map((r) => r.actor_opd_id),
        ].filter((x): x is string => !!x),
      ),
    ]);
    const byOpd = new Map<string, { y: number; q: number; views: number }[]>();
    for (const r of quarterly) {
      const list = byOpd.get(r.opd_id) ?? [];
      list.push({ y: r.y, q: r.q, views: Number(r.views) });
      byOpd.set(r.opd_id, list);
    }
    for (const [id, series] of byOpd) {
      series.forEach((point, i) => {
        if (point.y !== year) return;
        const check = spike(
          point.views,
          series.slice(0, i).map((p) => p.views),
        );
        if (!check.flagged) return;
        flags.push({
          kind: 'spike',
          opdCode: codes.get(id) ?? '?',
          period: `${year}-Q${point.q}`,
          message: {
            id: `Tayangan Triwulan ${point.q} melonjak di atas 3 simpangan baku riwayat OPD.`,
            en: `Triwulan ${point.q} views jumped more than 3 standard deviations above the OPD's history.`,
          },
          evidence: { views: point.views, ...check, history: series.slice(0, i) },
        });
      });
    }
    const titles = await this.readableTitles(
      principal,
      rows.map((r) => r.asset_id).filter((x): x is string => !!x),
    );
    for (const r of rows) {
      const opd = codes.get((r.kind === 'burst' ? r.actor_opd_id : r.asset_opd_id) ?? '') ?? '?';
      const asset = r.asset_id ? titles.get(r.asset_id) : undefined;
      flags.push({
        kind: r.kind,
        opdCode: opd,
        period: r.day,
        message:
          r.kind === 'burst'
            ? {
                id: `Satu akun membaca ${r.value} kali dalam sehari.`,
                en: `One account made ${r.value} counted reads in one day.`,
              }
            : {
                id: `Satu akun menghasilkan ${r.value} dari ${r.total} tayangan aset ini dalam sehari.`,
                en: `One account produced ${r.value} of the asset's ${r.total} views in one day.`,
              },
        evidence: {
          day: r.day,
          value: r.value,
          total: r.total,
          // A stable pseudonymous reference: assessors can see it is the same account, not who.
          account: r.actor_user_id ? accountRef(r.actor_user_id) : null,
          accountOpdCode: r.actor_opd_id ? (codes.get(r.actor_opd_id) ?? null) : null,
          ...(r.asset_id
            ? {
                asset: asset
                  ? { ...asset, restricted: false }
                  : { id: null, title: null, type: null, restricted: true },
              }
            : {}),
        },
      });
    }
    return flags;
  }

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
      ? await this.ds.query<{ opd_id: string; author_ids: string[] }[]>(
          `SELECT opd_id, author_ids FROM assets WHERE id = $1 AND status <> 'draft'`,
          [id],
        )
      : [];
    const asset = rows[0];
    const allowed =
      asset &&
      (principal.can(Permission.MetricsReadAll) ||
        asset.author_ids.includes(principal.userId) ||
        principal.opdsWhere('opd_admin').includes(asset.opd_id));
    if (!allowed) throw CommonErrors.notFound();
    const [[sums], byOpd] = await Promise.all([
      this.ds.query<Record<string, string>[]>(
        `SELECT coalesce(sum(views), 0) AS views, coalesce(sum(unique_readers), 0) AS unique_readers,
                coalesce(sum(downloads), 0) AS downloads, coalesce(sum(endorsements), 0) AS endorsements,
                coalesce(sum(reuse_reports), 0) AS reuse_reports, coalesce(sum(search_clicks), 0) AS search_clicks
           FROM usage_daily_asset WHERE asset_id = $1 AND day BETWEEN $2 AND $3`,
        [id, from, to],
      ),
      this.ds.query<{ code: string; readers: string }[]>(
        `SELECT o.code, sum(r.readers) AS readers
           FROM usage_daily_asset_readers r JOIN opds o ON o.id = r.reader_opd_id
          WHERE r.asset_id = $1 AND r.day BETWEEN $2 AND $3
          GROUP BY o.code ORDER BY sum(r.readers) DESC, o.code`,
        [id, from, to],
      ),
    ]);
    return {
      assetId: id,
      from,
      to,
      views: Number(sums.views),
      uniqueReaders: Number(sums.unique_readers),
      downloads: Number(sums.downloads),
      endorsements: Number(sums.endorsements),
      reuseReports: Number(sums.reuse_reports),
      searchClicks: Number(sums.search_clicks),
      readersByOpd: byOpd.map((r) => ({ opdCode: r.code, readers: Number(r.readers) })),
    };
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
    const rows = await this.ds.query<Record<string, string>[]>(
      `SELECT asset_id, sum(views) AS views, sum(unique_readers) AS unique_readers,
              sum(downloads) AS downloads, sum(endorsements) AS endorsements,
              sum(reuse_reports) AS reuse_reports
         FROM usage_daily_asset
        WHERE asset_opd_id = $1 AND day BETWEEN $2 AND $3
        GROUP BY asset_id ORDER BY sum(views) DESC, sum(downloads) DESC, asset_id LIMIT 10`,
      [opdId, first, last],
    );
    const titles = await this.readableTitles(
      principal,
      rows.map((r) => r.asset_id),
    );
    return rows.map((r) => {
      const t = titles.get(r.asset_id);
      return {
        id: t?.id ?? null,
        title: t?.title ?? null,
        type: t?.type ?? null,
        restricted: !t,
        views: Number(r.views),
        uniqueReaders: Number(r.unique_readers),
        downloads: Number(r.downloads),
        endorsements: Number(r.endorsements),
        reuseReports: Number(r.reuse_reports),
      };
    });
  }

  /** Titles of the assets the caller may read; the rest are absent from the map. */
  private async readableTitles(
    principal: Principal,
    ids: string[],
  ): Promise<Map<string, { id: string; title: string; type: string }>> {
    if (ids.length === 0) return new Map();
    const { sql, params } = readablePredicate('a', readerOf(principal));
    const rows = await this.ds
      .createQueryBuilder()
      .select(['a.id AS id', 'a.title AS title', 'a.type AS type'])
      .from('assets', 'a')
      .where('a.id = ANY(:ids::uuid[])', { ids })
      .andWhere(sql, params)
      .getRawMany<{ id: string; title: string; type: string }>();
    return new Map(rows.map((r) => [r.id, r]));
  }
}

function accountRef(userId: string): string {
  return `akun-${createHash('sha256').update(userId).digest('hex').slice(0, 10)}`;
}
