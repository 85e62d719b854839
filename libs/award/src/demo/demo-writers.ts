import type { EntityManager } from 'typeorm';
import { insertRubric } from '../award-years.service';
import { DEFAULT_RUBRIC } from '../scoring';

/**
 * What the demo year (apps/cli) writes of the award, on the seeding transaction: libs/award owns
 * `award_years`, `award_rubrics` and `award_assessments`.
 */

/** Opens the award year (if not open yet) with the default rubric as version 1. */
export async function openDemoAwardYear(
  m: EntityManager,
  year: number,
  adminId: string,
): Promise<void> {
  await m.query(
    `INSERT INTO award_years (year, created_by) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
    [year, adminId],
  );
  await insertRubric(m, year, 1, DEFAULT_RUBRIC, adminId);
}

/** An assessor's score of one aspect of an OPD. */
export async function addDemoAssessment(
  m: EntityManager,
  a: {
    year: number;
    opdId: string;
    aspect: string;
    score: number;
    justification: string;
    assessorId: string;
  },
): Promise<void> {
  await m.query(
    `INSERT INTO award_assessments (year, opd_id, aspect, score, justification, assessor_id)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [a.year, a.opdId, a.aspect, a.score, a.justification, a.assessorId],
  );
}
