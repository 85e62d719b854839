import type { AspectKey } from './scoring';

/** A stored rubric version as `award_rubrics` rows are read (`RUBRIC_COLUMNS`). */
export interface RubricRow {
  version: number;
  aspectWeights: Record<AspectKey, number>;
  dataWeights: Record<AspectKey, number>;
  winners: number;
  rulesVersion: string;
  createdAt: Date;
}

/** The select list of a `RubricRow` from `award_rubrics r`. */
export const RUBRIC_COLUMNS = `r.version, r.aspect_weights AS "aspectWeights", r.data_weights AS "dataWeights",
  r.winners, r.rules_version AS "rulesVersion", r.created_at AS "createdAt"`;
