import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CommonErrors, isUuid, wibDay } from '@lumbung/platform';
import { OpdsService, Permission, type Principal } from '@lumbung/identity';
import { readablePredicate, readerOf } from '@lumbung/knowledge';
import { MetricsErrors } from '../metrics.errors';
import { isDay, periodDays, periodKey } from '../rollup/periods';
import {
  accountMessage,
  addMonths,
  assetSpikes,
  burstSeverity,
  concentrationSeverity,
  groupRuns,
  monthSeries,
  SEVERITY_ORDER,
  SPIKE_MIN_EXCESS,
  SPIKE_WINDOW_MONTHS,
  spikeMessage,
  spikeSeverity,
  type Severity,
  type SpikeRun,
} from './anomalies';
import { BURST_MIN_READS } from '../rollup/usage-rollup.service';
import type { AccountEvidenceDto } from './dto/account-evidence.dto';
import type { AssetMetricsDto } from './dto/asset-metrics.dto';
import type { SpikeEvidenceDto } from './dto/spike-evidence.dto';
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
  /** Stable: the same cause keeps its id across requests. */
  id: string;
  kind: 'spike' | 'concentration' | 'burst';
  severity: Severity;
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
 * Who may see which metrics: assessors and admins every OPD; anyone else only their own OPD. Asset
 * metrics: its authors, its OPD's admins, assessors and admins. Out of scope looks exactly like
 * missing (404).
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
         FROM usage_period_reader_counts c JOIN identity_opds o ON o.id = c.reader_opd_id
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

  /**
   * Spikes, concentrations and bursts of the year (all OPD or one), one flag per cause, most
   * severe first, each with its explanation and evidence (rules and thresholds: anomalies.ts).
   */
  async anomalies(principal: Principal, year: number, opdId?: string): Promise<AnomalyFlag[]> {
    const [spikes, runs] = await Promise.all([
      this.spikeRuns(year, opdId),
      this.accountRuns(year, opdId),
    ]);
    const opdIds = [
      ...spikes.map((s) => s.opdId),
      ...runs.flatMap((r) => [r.first.assetOpdId, r.first.actorOpdId]),
    ].filter((x): x is string => !!x);
    const [codes, titles] = await Promise.all([
      this.opds.codesByIds([...new Set(opdIds)]),
      this.readableTitles(principal, [
        ...new Set([
          ...spikes.map((s) => s.assetId),
          ...runs.map((r) => r.first.assetId).filter((x): x is string => !!x),
        ]),
      ]),
    ]);
    const assetRef = (id: string) => {
      const t = titles.get(id);
      return t
        ? { ...t, restricted: false }
        : { id: null, title: null, type: null, restricted: true };
    };
    const flags: (AnomalyFlag & { weight: number })[] = [];
    for (const s of spikes) {
      const top = Math.max(...s.run.months.map((m) => m.views / m.threshold));
      const asset = assetRef(s.assetId);
      flags.push({
        id: `spike:${s.assetId}:${s.run.months[0].month}`,
        kind: 'spike',
        severity: spikeSeverity(s.run),
        opdCode: codes.get(s.opdId) ?? '?',
        period: s.run.months[0].month,
        message: spikeMessage(s.run, asset.title),
        evidence: {
          views: s.run.months.reduce((a, m) => Math.max(a, m.views), 0),
          average: s.run.months[0].average,
          threshold: s.run.months[0].threshold,
          months: s.run.months,
          history: s.run.history,
          asset,
        },
        weight: top,
      });
    }
    for (const r of runs) {
      const kind = r.first.kind;
      const opd = kind === 'burst' ? r.first.actorOpdId : r.first.assetOpdId;
      // A stable pseudonymous reference: assessors can see it is the same account, not who.
      const account = r.first.actorUserId ? accountRef(r.first.actorUserId) : null;
      const asset = r.first.assetId ? assetRef(r.first.assetId) : undefined;
      flags.push({
        id: `${kind}:${r.first.assetId ?? '-'}:${account ?? '-'}:${r.first.day}`,
        kind,
        severity: kind === 'burst' ? burstSeverity(r, BURST_MIN_READS) : concentrationSeverity(r),
        opdCode: codes.get(opd ?? '') ?? '?',
        period: r.first.day,
        message: accountMessage(r, account ?? '?', asset?.title ?? null),
        evidence: {
          day: r.first.day,
          lastDay: r.lastDay,
          days: r.rows.length,
          value: r.value,
          total: r.total,
          account,
          accountOpdCode: r.first.actorOpdId ? (codes.get(r.first.actorOpdId) ?? null) : null,
          ...(asset ? { asset } : {}),
        },
        weight: r.total > 0 ? r.value / r.total : 0,
      });
    }
    return flags
      .sort(
        (a, b) =>
          SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
          b.weight - a.weight ||
          a.period.localeCompare(b.period) ||
          a.id.localeCompare(b.id),
      )
      .map(({ weight: _weight, ...flag }) => flag);
  }

  /** Each asset's spiking months of the year against its own 12-month baseline. */
  private async spikeRuns(
    year: number,
    opdId?: string,
  ): Promise<{ assetId: string; opdId: string; run: SpikeRun }[]> {
    const { first, last } = periodDays(year);
    const windowStart = addMonths(first.slice(0, 7), -SPIKE_WINDOW_MONTHS);
    const rows = await this.ds.query<
      { asset_id: string; opd_id: string; month: string; views: number; since: string }[]
    >(
      `WITH m AS (
         SELECT asset_id, asset_opd_id, to_char(day, 'YYYY-MM') AS month, sum(views)::int AS views
           FROM usage_daily_asset
          WHERE day BETWEEN $1 AND $2 AND ($3::uuid IS NULL OR asset_opd_id = $3)
          GROUP BY 1, 2, 3),
       spiky AS (SELECT DISTINCT asset_id FROM m WHERE month >= $4 AND views > $5)
       SELECT m.asset_id, m.asset_opd_id AS opd_id, m.month, m.views,
              (SELECT to_char(min(d.day), 'YYYY-MM') FROM usage_daily_asset d
                WHERE d.asset_id = m.asset_id AND d.views > 0) AS since
         FROM m JOIN spiky USING (asset_id)
        ORDER BY 1, 3`,
      [`${windowStart}-01`, last, opdId ?? null, first.slice(0, 7), SPIKE_MIN_EXCESS],
    );
    const byAsset = new Map<string, { opdId: string; since: string; views: Map<string, number> }>();
    for (const r of rows) {
      const a = byAsset.get(r.asset_id) ?? { opdId: r.opd_id, since: r.since, views: new Map() };
      a.views.set(r.month, (a.views.get(r.month) ?? 0) + r.views);
      byAsset.set(r.asset_id, a);
    }
    return [...byAsset].flatMap(([assetId, a]) => {
      const from = a.since > windowStart ? a.since : windowStart;
      return assetSpikes(monthSeries(from, last.slice(0, 7), a.views), year).map((run) => ({
        assetId,
        opdId: a.opdId,
        run,
      }));
    });
  }

  /** The year's daily concentration and burst flags, as one run per cause. */
  private async accountRuns(year: number, opdId?: string) {
    const { first, last } = periodDays(year);
    const rows = await this.ds.query<
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
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, kind, asset_id, asset_opd_id, actor_user_id,
              actor_opd_id, value, total
         FROM usage_anomalies
        WHERE day BETWEEN $1 AND $2
          AND ($3::uuid IS NULL OR asset_opd_id = $3 OR (kind = 'burst' AND actor_opd_id = $3))`,
      [first, last, opdId ?? null],
    );
    return groupRuns(
      rows.map((r) => ({
        day: r.day,
        kind: r.kind,
        assetId: r.asset_id,
        assetOpdId: r.asset_opd_id,
        actorUserId: r.actor_user_id,
        actorOpdId: r.actor_opd_id,
        value: r.value,
        total: r.total,
      })),
    );
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
          `SELECT opd_id, author_ids FROM knowledge_assets WHERE id = $1 AND status <> 'draft'`,
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
           FROM usage_daily_asset_readers r JOIN identity_opds o ON o.id = r.reader_opd_id
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
      .from('knowledge_assets', 'a')
      .where('a.id = ANY(:ids::uuid[])', { ids })
      .andWhere(sql, params)
      .getRawMany<{ id: string; title: string; type: string }>();
    return new Map(rows.map((r) => [r.id, r]));
  }
}

function accountRef(userId: string): string {
  return `akun-${createHash('sha256').update(userId).digest('hex').slice(0, 10)}`;
}
