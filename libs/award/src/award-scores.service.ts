import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, CommonErrors, wibDay } from '@lumbung/platform';
import { Permission, type Principal } from '@lumbung/identity';
import { readablePredicate, readerOf } from '@lumbung/knowledge';
import {
  documentedMeetingSql,
  MetricsEvidenceReader,
  MetricsService,
  MetricsViewService,
  type OpdMetrics,
  periodBounds,
  periodDays,
  type UsageChanges,
} from '@lumbung/metrics';
import { CoverageService } from '@lumbung/risk';
import { AwardErrors } from './award.errors';
import type { RestatementReasonsDto } from './dto/restatement-reasons.dto';
import { type AssessmentEntry, AwardYearsService, type RubricVersion } from './award-years.service';
import {
  ASPECT_KEYS,
  ASPECTS,
  type AspectKey,
  computeDataScores,
  combineScores,
  inputTableFor,
  type InputScore,
  type OpdDataScores,
  type OpdInputs,
  type OpdScoreRow,
  rankOpds,
  type RankedRow,
  withDisplayValues,
} from './scoring';

export type ScoreRow = RankedRow<OpdScoreRow> & { rubricVersion: number };

/** One aspect in the drill-down: its score, every input behind the data score, the assessor history. */
export type AspectDrillDown = OpdScoreRow['aspects'][AspectKey] & {
  label: string;
  labelEn: string;
  inputs: InputScore[];
  assessments: AssessmentEntry[];
};

/** Everything a score run produced: the ranking, each OPD's data inputs and its metrics. */
export interface ScoreRun {
  year: number;
  rubric: RubricVersion;
  rows: ScoreRow[];
  data: OpdDataScores[];
  metrics: OpdMetrics[];
  quarters: { quarter: number; data: Record<string, Record<AspectKey, number>> }[];
  computedAt: string;
}

export interface RestatementChange {
  opdCode: string;
  opdName: string;
  before: { total: number; rank: number; winner: boolean };
  after: { total: number; rank: number; winner: boolean };
  aspects: { aspect: AspectKey; before: number; after: number }[];
  inputs: {
    aspect: AspectKey;
    input: string;
    label: string;
    labelEn: string;
    before: number | null;
    after: number | null;
  }[];
}

/** A metric row as the scoring inputs (a Triwulan counts as a whole active period). */
export function toInputs(m: OpdMetrics, quarter?: number): OpdInputs {
  return { ...m, activeQuarters: quarter ? m.activeQuarters * 4 : m.activeQuarters };
}

/**
 * Scores (the rules: libs/award/README.md): data scores from the usage metrics and the CoP log,
 * blended with the assessors' scores, ranked with the documented tie rule. Finalising freezes a
 * snapshot; from then on the year's scores come from it, and a restatement shows what today's data
 * would change.
 */
@Injectable()
export class AwardScoresService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly years: AwardYearsService,
    private readonly metrics: MetricsService,
    private readonly metricsView: MetricsViewService,
    private readonly usageEvidence: MetricsEvidenceReader,
    private readonly coverage: CoverageService,
    private readonly audit: AuditService,
  ) {}

  /** Recomputes the whole year from the rollups (pure scoring over the metric inputs). */
  async compute(year: number, withQuarters = true): Promise<ScoreRun> {
    const rubric = await this.years.rubric(year);
    const table = inputTableFor(rubric.rulesVersion);
    const quarterKeys = withQuarters ? [1, 2, 3, 4] : [];
    const [rawMetrics, assessed, coverage, ...rawQuarters] = await Promise.all([
      this.metrics.opdMetrics({ year }),
      this.years.currentScores(year),
      this.coverage.byOpdCode(
        [
          { key: 'year', ...periodDays(year) },
          ...quarterKeys.map((q) => ({ key: `q${q}`, ...periodDays(year, q) })),
        ],
        wibDay(),
      ),
      ...quarterKeys.map((q) => this.metrics.opdMetrics({ year, quarter: q })),
    ]);
    // The register's coverage is the keberlanjutan input the metrics leave empty.
    const withCoverage = (rows: OpdMetrics[], key: string): OpdMetrics[] =>
      rows.map((m) => ({ ...m, atRiskCoverage: coverage.get(key)?.get(m.opdCode) ?? null }));
    const metrics = withCoverage(rawMetrics, 'year');
    const quarterMetrics = rawQuarters.map((rows, i) => withCoverage(rows, `q${i + 1}`));
    const data = computeDataScores(
      metrics.map((m) => toInputs(m)),
      table,
    );
    const rows = rankOpds(combineScores(data, assessed, rubric), rubric.winners).map((r) => ({
      ...r,
      rubricVersion: rubric.version,
    }));
    const quarters = quarterMetrics.map((qm, i) => ({
      quarter: i + 1,
      data: Object.fromEntries(
        computeDataScores(
          qm.map((m) => toInputs(m, i + 1)),
          table,
        ).map((d) => [
          d.opdCode,
          Object.fromEntries(ASPECT_KEYS.map((k) => [k, d.aspects[k].data])) as Record<
            AspectKey,
            number
          >,
        ]),
      ),
    }));
    return { year, rubric, rows, data, metrics, quarters, computedAt: new Date().toISOString() };
  }

  /**
   * The ranking: the frozen snapshot once finalised, otherwise a fresh run (stored per version).
   * Only assessors and admins see a year before it is finalised (published); to anyone else an
   * open year looks like one that does not exist.
   */
  async scores(principal: Principal, year: number): Promise<ScoreRow[]> {
    const snapshot = await this.snapshot(year);
    if (snapshot) return snapshot.rows;
    if (!principal.can(Permission.MetricsReadAll)) throw CommonErrors.notFound();
    const run = await this.compute(year, false);
    await this.storeRun(run);
    return run.rows;
  }

  async drillDown(principal: Principal, year: number, code: string) {
    const opdId = await this.metricsView.visibleOpd(principal, code);
    const snapshot = await this.snapshot(year);
    // The scores, the assessor history and the evidence are independent: load them together.
    const [run, history, evidence] = await Promise.all([
      snapshot ?? this.compute(year),
      this.years.history(year, opdId, principal.can(Permission.MetricsReadAll)),
      this.evidence(principal, year, opdId),
    ]);
    const opdCode = code.toUpperCase();
    const row = run.rows.find((r) => r.opdCode === opdCode);
    const data = run.data.find((d) => d.opdCode === opdCode);
    const metrics = run.metrics.find((m) => m.opdCode === opdCode);
    if (!row || !data || !metrics) throw CommonErrors.notFound();
    return {
      year,
      frozen: snapshot !== undefined,
      rubricVersion: run.rubric.version,
      opdCode,
      opdName: row.opdName,
      rank: row.rank,
      total: row.total,
      winner: row.winner,
      provisional: row.provisional,
      aspects: Object.fromEntries(
        ASPECTS.map((a) => [
          a.key,
          {
            label: a.label,
            labelEn: a.labelEn,
            ...row.aspects[a.key],
            inputs: data.aspects[a.key].inputs,
            assessments: history.filter((h: AssessmentEntry) => h.aspect === a.key),
          },
        ]),
      ) as Record<AspectKey, AspectDrillDown>,
      quarters: run.quarters.map((q) => ({ quarter: q.quarter, data: q.data[opdCode] })),
      metrics,
      evidence,
    };
  }

  async finalize(
    principal: Principal,
    year: number,
  ): Promise<{ year: number; finalizedAt: string; rubricVersion: number }> {
    const run = await this.compute(year);
    return this.ds.transaction(async (tx) => {
      const [locked] = await tx.query<{ finalized_at: Date | null; rubric_version: number }[]>(
        `SELECT finalized_at, rubric_version FROM award_years WHERE year = $1 FOR UPDATE`,
        [year],
      );
      if (!locked) throw CommonErrors.notFound();
      if (locked.finalized_at) throw AwardErrors.finalized(year);
      // Weights changed while computing: the snapshot must use the version it names.
      if (locked.rubric_version !== run.rubric.version) throw AwardErrors.finalized(year);
      const [row] = await tx.query<{ finalized_at: Date }[]>(
        `INSERT INTO award_snapshots (year, rubric_version, rules_version, rows, details, finalized_by)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING finalized_at`,
        [
          year,
          run.rubric.version,
          run.rubric.rulesVersion,
          JSON.stringify(run.rows),
          JSON.stringify({
            data: run.data,
            metrics: run.metrics,
            quarters: run.quarters,
            rubric: run.rubric,
          }),
          principal.userId,
        ],
      );
      await tx.query(
        `UPDATE award_years SET finalized_at = $2, finalized_by = $3, updated_at = now() WHERE year = $1`,
        [year, row.finalized_at, principal.userId],
      );
      await this.audit.record(
        {
          actorId: principal.userId,
          action: 'award_year_finalized',
          targetType: 'award_year',
          targetId: String(year),
        },
        tx,
      );
      return {
        year,
        finalizedAt: row.finalized_at.toISOString(),
        rubricVersion: run.rubric.version,
      };
    });
  }

  /** What a recompute from today's data would change in the frozen results, and why. */
  async restatement(year: number) {
    const snapshot = await this.snapshot(year);
    if (!snapshot) {
      await this.years.finalizedAt(year); // 404 for a missing year
      throw AwardErrors.notFinalized(year);
    }
    const now = await this.compute(year, false);
    // Today's data under the frozen rubric and the frozen assessor scores.
    const frozenAssessed = new Map(
      snapshot.rows.map((r) => [
        r.opdCode,
        Object.fromEntries(
          ASPECT_KEYS.filter((k) => r.aspects[k].assessor !== null).map((k) => [
            k,
            r.aspects[k].assessor as number,
          ]),
        ),
      ]),
    );
    const dataNow = now.data;
    const recomputed = rankOpds(
      combineScores(dataNow, frozenAssessed, snapshot.rubric),
      snapshot.rubric.winners,
    );
    const changes: RestatementChange[] = [];
    for (const before of snapshot.rows) {
      const after = recomputed.find((r) => r.opdCode === before.opdCode);
      if (!after) continue;
      const aspects = ASPECT_KEYS.filter(
        (k) => before.aspects[k].score !== after.aspects[k].score,
      ).map((k) => ({
        aspect: k,
        before: before.aspects[k].score,
        after: after.aspects[k].score,
      }));
      const inputs = diffInputs(
        snapshot.data.find((d) => d.opdCode === before.opdCode),
        dataNow.find((d) => d.opdCode === before.opdCode),
      );
      if (
        aspects.length === 0 &&
        inputs.length === 0 &&
        before.total === after.total &&
        before.rank === after.rank &&
        before.winner === after.winner
      )
        continue;
      changes.push({
        opdCode: before.opdCode,
        opdName: before.opdName,
        before: { total: before.total, rank: before.rank, winner: before.winner },
        after: { total: after.total, rank: after.rank, winner: after.winner },
        aspects,
        inputs,
      });
    }
    return {
      year,
      finalizedAt: snapshot.finalizedAt,
      rubricVersion: snapshot.rubric.version,
      changed: changes.length,
      changes,
      reasons: await this.reasons(year, snapshot.finalizedAt),
    };
  }

  /** The frozen results of a finalised year (undefined while open). */
  async snapshot(year: number): Promise<(ScoreRun & { finalizedAt: string }) | undefined> {
    await this.years.finalizedAt(year); // 404 for a missing year
    const [row] = await this.ds.query<
      {
        rows: ScoreRow[];
        details: Pick<ScoreRun, 'data' | 'metrics' | 'quarters' | 'rubric'>;
        finalized_at: Date;
      }[]
    >(`SELECT rows, details, finalized_at FROM award_snapshots WHERE year = $1`, [year]);
    if (!row) return undefined;
    const { data, metrics, rubric } = row.details;
    return {
      year,
      rows: row.rows,
      ...row.details,
      data: withDisplayValues(
        data,
        new Map(metrics.map((m) => [m.opdCode, m.headcount])),
        inputTableFor(rubric.rulesVersion),
      ),
      computedAt: row.finalized_at.toISOString(),
      finalizedAt: row.finalized_at.toISOString(),
    };
  }

  /** Evidence an assessor can open: assets, meetings with attendee counts, reuse reports, flags. */
  async evidence(principal: Principal, year: number, opdId: string) {
    const { from, to } = periodBounds({ year });
    const { sql, params } = readablePredicate('a', readerOf(principal));
    const published = `a.opd_id = :opdId AND a.status = 'published' AND a.published_at >= :from AND a.published_at < :to`;
    const [assets, [{ n: publishedTotal }], meetings, reuse, anomalies] = await Promise.all([
      this.ds
        .createQueryBuilder()
        .select([
          'a.id AS id',
          'a.title AS title',
          'a.type AS type',
          'a.visibility AS visibility',
          'a.completeness AS completeness',
          'a.published_at AS "publishedAt"',
        ])
        .from('knowledge_assets', 'a')
        .where(published, { opdId, from, to })
        .andWhere(sql, params)
        .orderBy('a.published_at', 'ASC')
        .getRawMany<{
          id: string;
          title: string;
          type: string;
          visibility: string;
          completeness: string;
          publishedAt: Date;
        }>(),
      this.ds.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM knowledge_assets a
          WHERE a.opd_id = $1 AND a.status = 'published' AND a.published_at >= $2 AND a.published_at < $3`,
        [opdId, from, to],
      ),
      this.ds.query<
        {
          id: string;
          cop: string;
          held_date_wib: string;
          quarter: number;
          topic: string;
          attendees: number;
          documented: boolean;
        }[]
      >(
        `SELECT m.id, c.name AS cop, m.held_date_wib::text AS held_date_wib, m.quarter, m.topic,
                (SELECT count(*)::int FROM community_meeting_attendees t WHERE t.meeting_id = m.id) AS attendees,
                ${documentedMeetingSql('m')} AS documented
           FROM community_meetings m JOIN community_cops c ON c.id = m.cop_id
          WHERE c.opd_id = $1 AND m.year = $2 ORDER BY m.held_at`,
        [opdId, year],
      ),
      this.usageEvidence.reuseReportsOfOpd(opdId, from, to),
      this.metricsView.anomalies(principal, year, opdId),
    ]);
    const readable = new Map(assets.map((a) => [a.id, a.title]));
    return {
      assets: assets.map((a) => ({
        id: a.id,
        title: a.title,
        type: a.type,
        visibility: a.visibility,
        completeness: Number(a.completeness),
        publishedAt: new Date(a.publishedAt).toISOString(),
        href: `/api/v1/assets/${a.id}`,
      })),
      restrictedAssets: publishedTotal - assets.length,
      meetings: meetings.map((m) => ({
        id: m.id,
        cop: m.cop,
        heldDate: m.held_date_wib,
        quarter: m.quarter,
        topic: m.topic,
        attendees: m.attendees,
        documented: m.documented,
        href: `/api/v1/meetings/${m.id}`,
      })),
      reuseReports: reuse.map((r) => {
        const title = readable.get(r.assetId);
        return {
          assetId: title ? r.assetId : null,
          assetTitle: title ?? null,
          reporterOpdCode: r.reporterOpdCode,
          at: r.createdAt.toISOString(),
          story: title ? r.story : null,
        };
      }),
      anomalies,
    };
  }

  private async storeRun(run: ScoreRun): Promise<void> {
    const rows = JSON.stringify(run.rows);
    const digest = createHash('sha256').update(rows).digest('hex');
    await this.ds.query(
      `INSERT INTO award_score_runs (year, rubric_version, rules_version, digest, rows)
       SELECT $1, $2, $3, $4, $5
        WHERE NOT EXISTS (SELECT 1 FROM (SELECT digest FROM award_score_runs
                                          WHERE year = $1 AND rubric_version = $2 ORDER BY id DESC LIMIT 1) last
                           WHERE last.digest = $4)`,
      [run.year, run.rubric.version, run.rubric.rulesVersion, digest, rows],
    );
  }

  /** Why numbers moved after finalising: data that changed since, by kind. */
  private async reasons(year: number, finalizedAt: string): Promise<RestatementReasonsDto> {
    const { first, last } = periodDays(year);
    const [[r], usage] = await Promise.all([
      this.ds.query<Omit<RestatementReasonsDto, keyof UsageChanges>[]>(
        `SELECT
           (SELECT count(*)::int FROM knowledge_assets WHERE greatest(updated_at, coalesce(archived_at, updated_at)) > $3
               AND published_at BETWEEN ($1::date::timestamp AT TIME ZONE 'Asia/Jakarta')
                                    AND (($2::date + 1)::timestamp AT TIME ZONE 'Asia/Jakarta')) AS "assetsChanged",
           (SELECT count(*)::int FROM community_meetings WHERE year = $4 AND updated_at > $3) AS "meetingsChanged",
           (SELECT count(*)::int FROM identity_opds WHERE updated_at > $3) AS "opdDirectoryChanged"`,
        [first, last, finalizedAt, year],
      ),
      this.usageEvidence.usageChangedSince(first, last, finalizedAt),
    ]);
    return { ...r, ...usage };
  }
}

function diffInputs(
  before: OpdDataScores | undefined,
  after: OpdDataScores | undefined,
): RestatementChange['inputs'] {
  if (!before || !after) return [];
  const out: RestatementChange['inputs'] = [];
  for (const aspect of ASPECT_KEYS) {
    const now = new Map(after.aspects[aspect].inputs.map((i: InputScore) => [i.key, i.raw]));
    for (const input of before.aspects[aspect].inputs) {
      const value = now.get(input.key) ?? null;
      if (value !== input.raw)
        out.push({
          aspect,
          input: input.key,
          label: input.label,
          labelEn: input.labelEn,
          before: input.raw,
          after: value,
        });
    }
  }
  return out;
}
