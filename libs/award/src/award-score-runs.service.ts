import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { wibDay } from '@lumbung/platform';
import { MetricsService, type OpdMetrics, periodDays } from '@lumbung/metrics';
import { CoverageService } from '@lumbung/risk';
import { AwardYearsService, type RubricVersion } from './award-years.service';
import {
  ASPECT_KEYS,
  type AspectKey,
  computeDataScores,
  combineScores,
  inputTableFor,
  type OpdDataScores,
  type OpdInputs,
  type OpdScoreRow,
  rankOpds,
  type RankedRow,
} from './scoring';

export type ScoreRow = RankedRow<OpdScoreRow> & { rubricVersion: number };

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

/** A metric row as the scoring inputs (a Triwulan counts as a whole active period). */
export function toInputs(m: OpdMetrics, quarter?: number): OpdInputs {
  return { ...m, activeQuarters: quarter ? m.activeQuarters * 4 : m.activeQuarters };
}

/**
 * A score run of an open year (the rules: libs/award/README.md): data scores from the usage
 * metrics and the CoP log, blended with the assessors' scores, ranked with the documented tie
 * rule; each distinct ranking is kept per rubric version.
 */
@Injectable()
export class AwardScoreRunsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly years: AwardYearsService,
    private readonly metrics: MetricsService,
    private readonly coverage: CoverageService,
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

  /** Keeps the run's ranking unless it equals the last one stored for the same rubric version. */
  async store(run: ScoreRun): Promise<void> {
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
}
