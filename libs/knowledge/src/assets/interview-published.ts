import type { EntityManager } from 'typeorm';

/**
 * Outbox for other contexts: a published interview (`wawancara_pengetahuan`) now names this
 * narasumber. The knowledge-at-risk register moves the person's retention plan on it. Written in
 * the publishing transaction, so it is never lost; one pending job per asset.
 */
export const INTERVIEW_PUBLISHED_QUEUE = 'knowledge.interview_published';

export async function announceInterview(
  m: EntityManager,
  asset: { id: string; type: string; status: string; narasumberId: string | null },
): Promise<void> {
  if (asset.type !== 'wawancara_pengetahuan' || asset.status !== 'published') return;
  if (!asset.narasumberId) return;
  await m.query(
    `INSERT INTO jobs (queue, payload, dedupe_key) VALUES ($1, $2, $3)
     ON CONFLICT (queue, dedupe_key) WHERE status = 'pending' AND dedupe_key IS NOT NULL DO NOTHING`,
    [
      INTERVIEW_PUBLISHED_QUEUE,
      JSON.stringify({ assetId: asset.id, narasumberId: asset.narasumberId }),
      `${asset.id}:${asset.narasumberId}`,
    ],
  );
}
