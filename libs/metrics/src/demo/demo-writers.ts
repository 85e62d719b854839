import type { EntityManager } from 'typeorm';

/**
 * What the demo year (apps/cli) writes of usage, on the seeding transaction: libs/metrics owns
 * `usage_events`, `asset_endorsements` and `asset_reuse_reports`. The caller rebuilds the
 * rollups afterwards.
 */

/** A reader endorses the asset (once). */
export async function addDemoEndorsement(
  m: EntityManager,
  assetId: string,
  userId: string,
  at: string,
): Promise<void> {
  await m.query(
    `INSERT INTO asset_endorsements (asset_id, user_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
    [assetId, userId, at],
  );
}

/** A reader reports having reused the asset. */
export async function addDemoReuseReport(
  m: EntityManager,
  r: { assetId: string; userId: string; userOpdId: string | null; story: string; at: string },
): Promise<void> {
  await m.query(
    `INSERT INTO asset_reuse_reports (asset_id, user_id, user_opd_id, story, created_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT DO NOTHING`,
    [r.assetId, r.userId, r.userOpdId, r.story, r.at],
  );
}

/** One usage event as the demo makes it up (`excluded` says why it never counts). */
export interface DemoUsageEvent {
  type: string;
  at: string;
  userId: string | null;
  actorKey: string;
  actorOpdId: string | null;
  assetId: string;
  assetOpdId: string;
  objectId: string | null;
  excluded: string | null;
}

/** Usage events, in batches of 5,000, each batch in time order. */
export async function addDemoUsageEvents(
  m: EntityManager,
  events: readonly DemoUsageEvent[],
): Promise<void> {
  for (let i = 0; i < events.length; i += 5000) {
    const batch = events.slice(i, i + 5000);
    await m.query(
      `INSERT INTO usage_events (type, occurred_at, occurred_on, actor_user_id, actor_key, actor_opd_id,
                                 asset_id, asset_opd_id, object_id, excluded)
       SELECT t, at, (at AT TIME ZONE 'Asia/Jakarta')::date, u, k, uo, a, ao, o, x
         FROM unnest($1::text[], $2::timestamptz[], $3::uuid[], $4::text[], $5::uuid[], $6::uuid[], $7::uuid[],
                     $8::uuid[], $9::text[]) AS e(t, at, u, k, uo, a, ao, o, x)
        ORDER BY at`,
      [
        batch.map((e) => e.type),
        batch.map((e) => e.at),
        batch.map((e) => e.userId),
        batch.map((e) => e.actorKey),
        batch.map((e) => e.actorOpdId),
        batch.map((e) => e.assetId),
        batch.map((e) => e.assetOpdId),
        batch.map((e) => e.objectId),
        batch.map((e) => e.excluded),
      ],
    );
  }
}
