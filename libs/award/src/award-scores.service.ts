import { Injectable } from '@nestjs/common';
import { CommonErrors } from '@lumbung/platform';
import { Permission, type Principal } from '@lumbung/identity';
import { MetricsViewService } from '@lumbung/metrics';
import { AwardEvidenceService } from './award-evidence.service';
import { AwardScoreRunsService, type ScoreRow } from './award-score-runs.service';
import { AwardSnapshotsService } from './award-snapshots.service';
import { type AssessmentEntry, AwardYearsService } from './award-years.service';
import { ASPECTS, type AspectKey, type InputScore, type OpdScoreRow } from './scoring';

/** One aspect in the drill-down: its score, every input behind the data score, the assessor history. */
export type AspectDrillDown = OpdScoreRow['aspects'][AspectKey] & {
  label: string;
  labelEn: string;
  inputs: InputScore[];
  assessments: AssessmentEntry[];
};

/**
 * Reading the scores (the rules: libs/award/README.md): the frozen snapshot of a finalised year,
 * otherwise a fresh run, and one OPD's drill-down with its inputs, assessor history and evidence.
 */
@Injectable()
export class AwardScoresService {
  constructor(
    private readonly years: AwardYearsService,
    private readonly runs: AwardScoreRunsService,
    private readonly snapshots: AwardSnapshotsService,
    private readonly metricsView: MetricsViewService,
    private readonly evidence: AwardEvidenceService,
  ) {}

  /**
   * The ranking: the frozen snapshot once finalised, otherwise a fresh run (stored per version).
   * Only assessors and admins see a year before it is finalised (published); to anyone else an
   * open year looks like one that does not exist.
   */
  async scores(principal: Principal, year: number): Promise<ScoreRow[]> {
    const snapshot = await this.snapshots.snapshot(year);
    if (snapshot) return snapshot.rows;
    if (!principal.can(Permission.MetricsReadAll)) throw CommonErrors.notFound();
    const run = await this.runs.compute(year, false);
    await this.runs.store(run);
    return run.rows;
  }

  async drillDown(principal: Principal, year: number, code: string) {
    const opdId = await this.metricsView.visibleOpd(principal, code);
    const snapshot = await this.snapshots.snapshot(year);
    // The scores, the assessor history and the evidence are independent: load them together.
    const [run, history, evidence] = await Promise.all([
      snapshot ?? this.runs.compute(year),
      this.years.history(year, opdId, principal.can(Permission.MetricsReadAll)),
      this.evidence.evidence(principal, year, opdId),
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
}
