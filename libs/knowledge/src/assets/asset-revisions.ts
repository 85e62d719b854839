import type { EntityManager } from 'typeorm';

/**
 * Records the current content of published assets written in bulk (import, demo data) as their
 * current revision (`assets.revision`), as approval does for one asset: by whoever verified it,
 * when it was verified. Without it `/revisions` is empty for them.
 */
export async function recordCurrentRevisions(
  m: EntityManager,
  assetIds: readonly string[],
): Promise<void> {
  if (assetIds.length === 0) return;
  await m.query(
    `INSERT INTO asset_revisions (asset_id, n, type, title, summary, sections, body, tags, visibility,
                                  seci_mode, narasumber_id, cop_id, base_n, created_by, created_at,
                                  updated_at, reviewed_by, reviewed_at)
     SELECT a.id, a.revision, a.type, a.title, a.summary, a.sections, a.body, a.tags, a.visibility,
            a.seci_mode, a.narasumber_id, a.cop_id,
            (SELECT max(p.n) FROM asset_revisions p
              WHERE p.asset_id = a.id AND p.status = 'published' AND p.n < a.revision),
            COALESCE(a.verified_by, a.created_by), COALESCE(a.verified_at, now()),
            COALESCE(a.verified_at, now()), a.verified_by, a.verified_at
       FROM assets a WHERE a.id = ANY($1::uuid[]) AND a.revision >= 1`,
    [assetIds],
  );
}
