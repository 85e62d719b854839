import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, CommonErrors } from '@lumbung/platform';
import { OpdsService, type Principal } from '@lumbung/identity';
import { AwardErrors } from './award.errors';
import { seesOpenYears } from './award.policy';
import type { AssessmentDto } from './dto/assessment.dto';
import type { CreateAwardDto } from './dto/create-award.dto';
import type { RubricChangeDto } from './dto/rubric-change.dto';
import { RUBRIC_COLUMNS, type RubricRow } from './rubric-row';
import {
  ASPECT_KEYS,
  type AspectKey,
  DEFAULT_RUBRIC,
  type Rubric,
  type RubricProblem,
  SCORING_RULES_VERSION,
  TIE_RULE,
  validateRubric,
} from './scoring';

export interface RubricVersion extends Rubric {
  version: number;
  rulesVersion: string;
  createdAt: string;
}

export interface AwardYear {
  year: number;
  rubricVersion: number;
  rubric: RubricVersion;
  rubricHistory: RubricVersion[];
  finalized: boolean;
  finalizedAt: string | null;
  tieRule: { id: string; en: string };
}

export interface AwardYearSummary {
  year: number;
  finalized: boolean;
  finalizedAt: string | null;
}

export interface AssessmentEntry {
  aspect: AspectKey;
  score: number;
  justification: string;
  assessor: string | null;
  at: string;
}

/**
 * Award years, their rubric versions (a weight change is a new version; stored scores keep the
 * version they used) and assessor scores with their full history.
 */
@Injectable()
export class AwardYearsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly opds: OpdsService,
    private readonly audit: AuditService,
  ) {}

  async create(principal: Principal, dto: CreateAwardDto): Promise<AwardYear> {
    const rubric = mergeRubric(DEFAULT_RUBRIC, dto);
    await this.ds.transaction(async (tx) => {
      const made = await tx.query<unknown[]>(
        `INSERT INTO award_years (year, created_by) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING year`,
        [dto.year, principal.userId],
      );
      if (made.length === 0) throw AwardErrors.yearExists(dto.year);
      await insertRubric(tx, dto.year, 1, rubric, principal.userId);
      await this.audit.record(tx, {
        actorId: principal.userId,
        action: 'award_year_created',
        targetType: 'award_year',
        targetId: String(dto.year),
      });
    });
    return this.get(dto.year);
  }

  /** The award years the caller may open: every one for assessors and admins, else the finalised. */
  async list(principal: Principal): Promise<AwardYearSummary[]> {
    const all = seesOpenYears(principal);
    const rows = await this.ds.query<{ year: number; finalizedAt: Date | null }[]>(
      `SELECT year, finalized_at AS "finalizedAt" FROM award_years
        WHERE $1 OR finalized_at IS NOT NULL ORDER BY year DESC`,
      [all],
    );
    return rows.map((r) => ({
      year: r.year,
      finalized: r.finalizedAt !== null,
      finalizedAt: r.finalizedAt?.toISOString() ?? null,
    }));
  }

  async get(year: number): Promise<AwardYear> {
    const [row] = await this.ds.query<{ rubricVersion: number; finalizedAt: Date | null }[]>(
      `SELECT rubric_version AS "rubricVersion", finalized_at AS "finalizedAt" FROM award_years WHERE year = $1`,
      [year],
    );
    if (!row) throw CommonErrors.notFound();
    const history = (
      await this.ds.query<RubricRow[]>(
        `SELECT ${RUBRIC_COLUMNS} FROM award_rubrics r WHERE r.year = $1 ORDER BY r.version`,
        [year],
      )
    ).map(toRubric);
    return {
      year,
      rubricVersion: row.rubricVersion,
      rubric: history.find((r) => r.version === row.rubricVersion) as RubricVersion,
      rubricHistory: history,
      finalized: row.finalizedAt !== null,
      finalizedAt: row.finalizedAt?.toISOString() ?? null,
      tieRule: TIE_RULE,
    };
  }

  /** A changed rubric becomes a new version; an unchanged one changes nothing. */
  async update(principal: Principal, year: number, dto: RubricChangeDto): Promise<AwardYear> {
    await this.ds.transaction(async (tx) => {
      const current = await this.lockOpen(tx, year);
      const next = mergeRubric(current, dto);
      if (JSON.stringify(normalised(next)) === JSON.stringify(normalised(current))) return;
      const version = current.version + 1;
      await insertRubric(tx, year, version, next, principal.userId);
      await tx.query(
        `UPDATE award_years SET rubric_version = $2, updated_at = now() WHERE year = $1`,
        [year, version],
      );
      await this.audit.record(tx, {
        actorId: principal.userId,
        action: 'award_rubric_changed',
        targetType: 'award_year',
        targetId: String(year),
        details: { version },
      });
    });
    return this.get(year);
  }

  /** The rubric a score run uses: the current version, or a given one. */
  async rubric(year: number, version?: number): Promise<RubricVersion> {
    const rows = await this.ds.query<RubricRow[]>(
      `SELECT ${RUBRIC_COLUMNS}
         FROM award_rubrics r JOIN award_years y ON y.year = r.year
        WHERE r.year = $1 AND r.version = coalesce($2, y.rubric_version)`,
      [year, version ?? null],
    );
    if (!rows[0]) throw CommonErrors.notFound();
    return toRubric(rows[0]);
  }

  async finalizedAt(year: number): Promise<Date | null> {
    const [row] = await this.ds.query<{ finalizedAt: Date | null }[]>(
      `SELECT finalized_at AS "finalizedAt" FROM award_years WHERE year = $1`,
      [year],
    );
    if (!row) throw CommonErrors.notFound();
    return row.finalizedAt;
  }

  async assess(
    principal: Principal,
    year: number,
    opdCode: string,
    aspect: AspectKey,
    dto: AssessmentDto,
  ): Promise<{
    opdCode: string;
    aspect: AspectKey;
    current: AssessmentEntry;
    history: AssessmentEntry[];
  }> {
    const code = opdCode.toUpperCase();
    const opdId = (await this.opds.idsByCode([code])).get(code);
    if (!opdId) throw CommonErrors.notFound();
    await this.ds.transaction(async (tx) => {
      await this.lockOpen(tx, year);
      await tx.query(
        `INSERT INTO award_assessments (year, opd_id, aspect, score, justification, assessor_id)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [year, opdId, aspect, dto.score, dto.justification, principal.userId],
      );
      await this.audit.record(tx, {
        actorId: principal.userId,
        action: 'award_assessment_recorded',
        targetType: 'award_opd',
        targetId: `${year}:${code}`,
        details: { aspect, score: dto.score },
      });
    });
    const history = (await this.history(year, opdId, true)).filter((h) => h.aspect === aspect);
    return { opdCode: code, aspect, current: history[0], history };
  }

  /** The latest assessor score per OPD code and aspect. */
  async currentScores(year: number): Promise<Map<string, Partial<Record<AspectKey, number>>>> {
    const rows = await this.ds.query<{ code: string; aspect: AspectKey; score: string }[]>(
      `SELECT DISTINCT ON (a.opd_id, a.aspect) o.code, a.aspect, a.score
         FROM award_assessments a JOIN identity_opds o ON o.id = a.opd_id
        WHERE a.year = $1 ORDER BY a.opd_id, a.aspect, a.id DESC`,
      [year],
    );
    const map = new Map<string, Partial<Record<AspectKey, number>>>();
    for (const r of rows) map.set(r.code, { ...map.get(r.code), [r.aspect]: Number(r.score) });
    return map;
  }

  /** Every assessor score of one OPD, newest first; assessor names only for `withNames`. */
  async history(year: number, opdId: string, withNames: boolean): Promise<AssessmentEntry[]> {
    const rows = await this.ds.query<
      { aspect: AspectKey; score: string; justification: string; name: string; createdAt: Date }[]
    >(
      `SELECT a.aspect, a.score, a.justification, u.name, a.created_at AS "createdAt"
         FROM award_assessments a JOIN identity_people u ON u.id = a.assessor_id
        WHERE a.year = $1 AND a.opd_id = $2 ORDER BY a.id DESC`,
      [year, opdId],
    );
    return rows.map((r) => ({
      aspect: r.aspect,
      score: Number(r.score),
      justification: r.justification,
      assessor: withNames ? r.name : null,
      at: r.createdAt.toISOString(),
    }));
  }

  /** Locks an open award year (404 if missing, 409 once finalised); returns its current rubric. */
  private async lockOpen(tx: EntityManager, year: number): Promise<RubricVersion> {
    const [row] = await tx.query<{ finalizedAt: Date | null }[]>(
      `SELECT finalized_at AS "finalizedAt" FROM award_years WHERE year = $1 FOR UPDATE`,
      [year],
    );
    if (!row) throw CommonErrors.notFound();
    if (row.finalizedAt) throw AwardErrors.finalized(year);
    const [rubric] = await tx.query<RubricRow[]>(
      `SELECT ${RUBRIC_COLUMNS}
         FROM award_rubrics r JOIN award_years y ON y.year = r.year AND y.rubric_version = r.version
        WHERE r.year = $1`,
      [year],
    );
    return toRubric(rubric);
  }
}

/** Stores one rubric version (with the scoring rules' version it goes with). */
export async function insertRubric(
  m: EntityManager,
  year: number,
  version: number,
  rubric: Rubric,
  by: string,
): Promise<void> {
  await m.query(
    `INSERT INTO award_rubrics (year, version, aspect_weights, data_weights, winners, rules_version, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      year,
      version,
      JSON.stringify(rubric.aspectWeights),
      JSON.stringify(rubric.dataWeights),
      rubric.winners,
      SCORING_RULES_VERSION,
      by,
    ],
  );
}

/** Partial weight maps over a base rubric; unknown aspects or bad numbers are a 400. */
export function mergeRubric(base: Rubric, change: RubricChangeDto): Rubric {
  const problems: RubricProblem[] = [];
  const merge = (
    field: 'aspectWeights' | 'dataWeights',
    value: Partial<Record<AspectKey, number>> | undefined,
  ): Record<AspectKey, number> => {
    const out = { ...base[field] };
    for (const [key, weight] of Object.entries(value ?? {})) {
      const at = `${field}.${key}`;
      if (!(ASPECT_KEYS as readonly string[]).includes(key))
        problems.push({ field: at, problem: 'unknown_aspect', message: 'is not an aspect' });
      else if (typeof weight !== 'number' || !Number.isFinite(weight))
        problems.push({ field: at, problem: 'not_a_number', message: 'must be a number' });
      else out[key as AspectKey] = weight;
    }
    return out;
  };
  const rubric: Rubric = {
    aspectWeights: merge('aspectWeights', change.aspectWeights),
    dataWeights: merge('dataWeights', change.dataWeights),
    winners: change.winners ?? base.winners,
  };
  problems.push(...validateRubric(rubric));
  if (problems.length > 0) throw AwardErrors.invalidRubric(problems);
  return rubric;
}

function normalised(r: Rubric): unknown {
  return [ASPECT_KEYS.map((k) => [r.aspectWeights[k], r.dataWeights[k]]), r.winners];
}

function toRubric(r: RubricRow): RubricVersion {
  return {
    version: r.version,
    aspectWeights: r.aspectWeights,
    dataWeights: r.dataWeights,
    winners: r.winners,
    rulesVersion: r.rulesVersion,
    createdAt: r.createdAt.toISOString(),
  };
}
