import type { EntityManager } from 'typeorm';
import { enqueueJobs, QUEUES } from '@lumbung/platform';

/**
 * Outbox for search: records that these assets changed, in the caller's transaction. The worker
 * re-reads each asset and upserts or deletes its document. One pending job per asset.
 */
export async function touchSearch(m: EntityManager, assetIds: readonly string[]): Promise<void> {
  await enqueueJobs(
    m,
    QUEUES.searchAsset,
    assetIds.map((id) => ({ payload: { assetId: id }, dedupeKey: id })),
  );
}
