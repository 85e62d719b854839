import type { EntityManager } from 'typeorm';
import { SEARCH_ASSET_QUEUE } from '@lumbung/search';

/**
 * Outbox for search: records that these assets changed, in the caller's transaction. The worker
 * re-reads each asset and upserts or deletes its document. One pending job per asset.
 */
export async function touchSearch(m: EntityManager, assetIds: readonly string[]): Promise<void> {
  if (assetIds.length === 0) return;
  await m.query(
    `INSERT INTO jobs (queue, payload, dedupe_key)
     SELECT $1, jsonb_build_object('assetId', id), id::text FROM unnest($2::uuid[]) AS id
     ON CONFLICT (queue, dedupe_key) WHERE status = 'pending' AND dedupe_key IS NOT NULL DO NOTHING`,
    [SEARCH_ASSET_QUEUE, assetIds],
  );
}
