import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MetricsEvidenceReader, periodDays, type UsageChanges } from '@lumbung/metrics';
import { AwardErrors } from './award.errors';
import type { RestatementReasonsDto } from './dto/restatement-reasons.dto';
import { AwardScoreRunsService, type ScoreRow } from './award-score-runs.service';
import { AwardSnapshotsService } from './award-snapshots.service';
import { AwardYearsService } from './award-years.service';
import {
  ASPECT_KEYS,
  type AspectKey,
  combineScores,
  type InputScore,
  type OpdDataScores,
  type OpdScoreRow,
  rankOpds,
  type RankedRow,
} from './scoring';

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

/** After finalising, a restatement shows what today's data would change in the frozen results. */
@Injectable()
export class AwardRestatementService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly years: AwardYearsService,
    private readonly runs: AwardScoreRunsService,
    private readonly snapshots: AwardSnapshotsService,
    private readonly usageEvidence: MetricsEvidenceReader,
  ) {}

  /** What a recompute from today's data would change in the frozen results, and why. */
  async restatement(year: number) {
    const snapshot = await this.snapshots.snapshot(year);
    if (!snapshot) {
      await this.years.finalizedAt(year); // 404 for a missing year
      throw AwardErrors.notFinalized(year);
    }
    const now = await this.runs.compute(year, false);
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
    const changes = restatementChanges(snapshot.rows, recomputed, snapshot.data, dataNow);
    return {
      year,
      finalizedAt: snapshot.finalizedAt,
      rubricVersion: snapshot.rubric.version,
      changed: changes.length,
      changes,
      reasons: await this.reasons(year, snapshot.finalizedAt),
    };
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

/** Each frozen OPD whose scores, rank, winner flag or data inputs the recompute changes. */
function restatementChanges(
  frozen: ScoreRow[],
  recomputed: RankedRow<OpdScoreRow>[],
  frozenData: OpdDataScores[],
  dataNow: OpdDataScores[],
): RestatementChange[] {
  const changes: RestatementChange[] = [];
  for (const before of frozen) {
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
      frozenData.find((d) => d.opdCode === before.opdCode),
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
  return changes;
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
