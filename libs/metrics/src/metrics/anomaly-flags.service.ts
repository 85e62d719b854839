import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OpdsService, type Principal } from '@lumbung/identity';
import { periodDays } from '../rollup/periods';
import {
  accountMessage,
  addMonths,
  assetSpikes,
  burstSeverity,
  concentrationSeverity,
  type DailyFlagRow,
  type FlagRun,
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
import { AssetTitlesReader } from './asset-titles.reader';
import type { AccountEvidenceDto } from './dto/account-evidence.dto';
import type { AnomalyAssetDto } from './dto/anomaly-asset.dto';
import type { SpikeEvidenceDto } from './dto/spike-evidence.dto';

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

type SpikeOfAsset = { assetId: string; opdId: string; run: SpikeRun };
type AccountRun = FlagRun<DailyFlagRow & { assetOpdId: string | null; actorOpdId: string | null }>;
type AssetRef = (id: string) => AnomalyAssetDto;
type WeightedFlag = AnomalyFlag & { weight: number };

/**
 * Spikes, concentrations and bursts of the year (all OPD or one), one flag per cause, most
 * severe first, each with its explanation and evidence (rules and thresholds: anomalies.ts).
 */
@Injectable()
export class AnomalyFlagsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly opds: OpdsService,
    private readonly titles: AssetTitlesReader,
  ) {}

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
      this.titles.readableTitles(principal, [
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
    const flags: WeightedFlag[] = [];
    for (const s of spikes) flags.push(spikeFlag(s, codes, assetRef));
    for (const r of runs) flags.push(accountFlag(r, codes, assetRef));
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
  private async spikeRuns(year: number, opdId?: string): Promise<SpikeOfAsset[]> {
    const { first, last } = periodDays(year);
    const windowStart = addMonths(first.slice(0, 7), -SPIKE_WINDOW_MONTHS);
    const rows = await this.ds.query<
      { assetId: string; opdId: string; month: string; views: number; since: string }[]
    >(
      `WITH m AS (
         SELECT asset_id, asset_opd_id, to_char(day, 'YYYY-MM') AS month, sum(views)::int AS views
           FROM usage_daily_asset
          WHERE day BETWEEN $1 AND $2 AND ($3::uuid IS NULL OR asset_opd_id = $3)
          GROUP BY 1, 2, 3),
       spiky AS (SELECT DISTINCT asset_id FROM m WHERE month >= $4 AND views > $5)
       SELECT m.asset_id AS "assetId", m.asset_opd_id AS "opdId", m.month, m.views,
              (SELECT to_char(min(d.day), 'YYYY-MM') FROM usage_daily_asset d
                WHERE d.asset_id = m.asset_id AND d.views > 0) AS since
         FROM m JOIN spiky USING (asset_id)
        ORDER BY 1, 3`,
      [`${windowStart}-01`, last, opdId ?? null, first.slice(0, 7), SPIKE_MIN_EXCESS],
    );
    const byAsset = new Map<string, { opdId: string; since: string; views: Map<string, number> }>();
    for (const r of rows) {
      const a = byAsset.get(r.assetId) ?? { opdId: r.opdId, since: r.since, views: new Map() };
      a.views.set(r.month, (a.views.get(r.month) ?? 0) + r.views);
      byAsset.set(r.assetId, a);
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
        assetId: string | null;
        assetOpdId: string | null;
        actorUserId: string | null;
        actorOpdId: string | null;
        value: number;
        total: number;
      }[]
    >(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, kind, asset_id AS "assetId",
              asset_opd_id AS "assetOpdId", actor_user_id AS "actorUserId",
              actor_opd_id AS "actorOpdId", value, total
         FROM usage_anomalies
        WHERE day BETWEEN $1 AND $2
          AND ($3::uuid IS NULL OR asset_opd_id = $3 OR (kind = 'burst' AND actor_opd_id = $3))`,
      [first, last, opdId ?? null],
    );
    return groupRuns(rows);
  }
}

function spikeFlag(s: SpikeOfAsset, codes: Map<string, string>, assetRef: AssetRef): WeightedFlag {
  const top = Math.max(...s.run.months.map((m) => m.views / m.threshold));
  const asset = assetRef(s.assetId);
  return {
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
  };
}

function accountFlag(r: AccountRun, codes: Map<string, string>, assetRef: AssetRef): WeightedFlag {
  const kind = r.first.kind;
  const opd = kind === 'burst' ? r.first.actorOpdId : r.first.assetOpdId;
  // A stable pseudonymous reference: assessors can see it is the same account, not who.
  const account = r.first.actorUserId ? accountRef(r.first.actorUserId) : null;
  const asset = r.first.assetId ? assetRef(r.first.assetId) : undefined;
  return {
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
  };
}

function accountRef(userId: string): string {
  return `akun-${createHash('sha256').update(userId).digest('hex').slice(0, 10)}`;
}
