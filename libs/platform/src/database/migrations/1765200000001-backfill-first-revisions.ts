import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Published assets written by the demo seed (and any other bulk path before it recorded
 * revisions) had no revision row, so `/revisions` was empty for them. Each such asset gets its
 * current content as its revision (1 unless it says otherwise), by whoever verified it (else its
 * creator), at its verification or publication time. Assets that have any revision row are left
 * alone: an earlier revision that was never recorded cannot be reconstructed.
 */
export class BackfillFirstRevisions1765200000001 implements MigrationInterface {
  name = 'BackfillFirstRevisions1765200000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      WITH missing AS (
        UPDATE assets a SET revision = GREATEST(a.revision, 1)
         WHERE (a.status = 'published' OR (a.status = 'archived' AND a.revision >= 1))
           AND NOT EXISTS (SELECT 1 FROM asset_revisions r WHERE r.asset_id = a.id)
        RETURNING a.*)
      INSERT INTO asset_revisions (asset_id, n, type, title, summary, sections, body, tags, visibility,
                                   seci_mode, narasumber_id, created_by, created_at)
      SELECT id, revision, type, title, summary, sections, body, tags, visibility, seci_mode,
             narasumber_id, COALESCE(verified_by, created_by),
             COALESCE(verified_at, published_at, created_at)
        FROM missing`);
  }

  async down(): Promise<void> {
    // The backfilled rows are indistinguishable from recorded ones and harmless: nothing to undo.
  }
}
