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
                                  seci_mode, narasumber_id, created_by, created_at)
     SELECT id, revision, type, title, summary, sections, body, tags, visibility, seci_mode,
            narasumber_id, COALESCE(verified_by, created_by), COALESCE(verified_at, now())
       FROM assets WHERE id = ANY($1::uuid[]) AND revision >= 1`,
    [assetIds],
  );
}
