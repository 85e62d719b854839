import type { MigrationInterface, QueryRunner } from 'typeorm';

/** libs/award SCORING_RULES_VERSION from this release on (platform knows no domain code). */
const RULES = 'kma-data-2026.1';

/**
 * The knowledge-at-risk coverage becomes an input of the award's keberlanjutan aspect under the
 * scoring rules `kma-data-2026.1`. Every award year still open gets a new rubric version (same
 * weights and winners, the new rules), so scores stored earlier keep the version they used;
 * finalised years keep theirs and their frozen snapshot.
 */
export class AwardCoverageRules1765411200000 implements MigrationInterface {
  name = 'AwardCoverageRules1765411200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `WITH upgraded AS (
         INSERT INTO award_rubrics (year, version, aspect_weights, data_weights, winners, rules_version)
         SELECT r.year, r.version + 1, r.aspect_weights, r.data_weights, r.winners, $1::varchar
           FROM award_years y JOIN award_rubrics r ON r.year = y.year AND r.version = y.rubric_version
          WHERE y.finalized_at IS NULL AND r.rules_version <> $1::varchar
         RETURNING year, version)
       UPDATE award_years y SET rubric_version = u.version, updated_at = now()
         FROM upgraded u WHERE u.year = y.year`,
      [RULES],
    );
  }

  async down(): Promise<void> {
    // Rubric versions are append-only history: nothing to undo.
  }
}
