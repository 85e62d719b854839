import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService, CommonErrors } from '@lumbung/platform';
import type { Principal } from '@lumbung/identity';
import { AwardErrors } from './award.errors';
import { AwardScoreRunsService, type ScoreRow, type ScoreRun } from './award-score-runs.service';
import { AwardYearsService } from './award-years.service';
import { inputTableFor, withDisplayValues } from './scoring';

/**
 * Finalising freezes a year's run into a snapshot; from then on the year's scores come from it.
 */
@Injectable()
export class AwardSnapshotsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly years: AwardYearsService,
    private readonly runs: AwardScoreRunsService,
    private readonly audit: AuditService,
  ) {}

  /** The frozen results of a finalised year (undefined while open). */
  async snapshot(year: number): Promise<(ScoreRun & { finalizedAt: string }) | undefined> {
    await this.years.finalizedAt(year); // 404 for a missing year
    const [row] = await this.ds.query<
      {
        rows: ScoreRow[];
        details: Pick<ScoreRun, 'data' | 'metrics' | 'quarters' | 'rubric'>;
        finalizedAt: Date;
      }[]
    >(`SELECT rows, details, finalized_at AS "finalizedAt" FROM award_snapshots WHERE year = $1`, [
      year,
    ]);
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
      computedAt: row.finalizedAt.toISOString(),
      finalizedAt: row.finalizedAt.toISOString(),
    };
  }

  async finalize(
    principal: Principal,
    year: number,
  ): Promise<{ year: number; finalizedAt: string; rubricVersion: number }> {
    const run = await this.runs.compute(year);
    return this.ds.transaction(async (tx) => {
      const [locked] = await tx.query<{ finalizedAt: Date | null; rubricVersion: number }[]>(
        `SELECT finalized_at AS "finalizedAt", rubric_version AS "rubricVersion"
           FROM award_years WHERE year = $1 FOR UPDATE`,
        [year],
      );
      if (!locked) throw CommonErrors.notFound();
      if (locked.finalizedAt) throw AwardErrors.finalized(year);
      // Weights changed while computing: the snapshot must use the version it names.
      if (locked.rubricVersion !== run.rubric.version) throw AwardErrors.finalized(year);
      const [row] = await tx.query<{ finalizedAt: Date }[]>(
        `INSERT INTO award_snapshots (year, rubric_version, rules_version, rows, details, finalized_by)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING finalized_at AS "finalizedAt"`,
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
        [year, row.finalizedAt, principal.userId],
      );
      await this.audit.record(tx, {
        actorId: principal.userId,
        action: 'award_year_finalized',
        targetType: 'award_year',
        targetId: String(year),
      });
      return {
        year,
        finalizedAt: row.finalizedAt.toISOString(),
        rubricVersion: run.rubric.version,
      };
    });
  }
}
