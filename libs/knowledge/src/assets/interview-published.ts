import type { EntityManager } from 'typeorm';
import { enqueueJobs, QUEUES } from '@lumbung/platform';

/**
 * Outbox for other contexts: a published interview (`wawancara_pengetahuan`) now names this
 * narasumber. The knowledge-at-risk register moves the person's retention plan on it. Written in
 * the publishing transaction, so it is never lost; one pending job per asset.
 */
export async function announceInterview(
  m: EntityManager,
  asset: { id: string; type: string; status: string; narasumberId: string | null },
): Promise<void> {
  if (asset.type !== 'wawancara_pengetahuan' || asset.status !== 'published') return;
  if (!asset.narasumberId) return;
  await enqueueJobs(m, QUEUES.interviewPublished, [
    {
      payload: { assetId: asset.id, narasumberId: asset.narasumberId },
      dedupeKey: `${asset.id}:${asset.narasumberId}`,
    },
  ]);
}
