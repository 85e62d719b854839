import type { EntityManager } from 'typeorm';

/**
 * What the demo year and register (apps/cli) write of assets and their files, on the seeding
 * transaction: libs/knowledge owns `assets` and `attachments`. Revisions and search go through
 * `recordCurrentRevisions` and `touchSearch` as for any other write.
 */

/** A demo asset as approval (or submission) leaves it; completeness 0 until its files are known. */
export async function addDemoAsset(
  m: EntityManager,
  a: {
    type: string;
    title: string;
    summary: string;
    sections: Record<string, string>;
    tags: string[];
    opdId: string;
    copId: string | null;
    authorIds: string[];
    narasumberId: string | null;
    visibility: string;
    status: 'published' | 'submitted';
    created: string;
    submitted: string;
    published: string | null;
    reviewDue: string | null;
  },
): Promise<string> {
  const [row] = await m.query<{ id: string }[]>(
    `INSERT INTO assets (type, title, summary, sections, tags, opd_id, cop_id, author_ids, narasumber_id,
                         seci_mode, visibility, status, completeness, revision, created_by, created_at,
                         updated_at, submitted_at, published_at, verified_at, review_due_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'eksternalisasi', $10, $11, 0, $12, $13, $14::timestamptz,
             COALESCE($16::timestamptz, $15::timestamptz), $15::timestamptz, $16::timestamptz,
             $16::timestamptz, $17::timestamptz)
     RETURNING id`,
    [
      a.type,
      a.title,
      a.summary,
      JSON.stringify(a.sections),
      a.tags,
      a.opdId,
      a.copId,
      a.authorIds,
      a.narasumberId,
      a.visibility,
      a.status,
      a.status === 'published' ? 1 : 0,
      a.authorIds[0],
      a.created,
      a.submitted,
      a.published,
      a.reviewDue,
    ],
  );
  return row.id;
}

/**
 * A published knowledge interview (internal, revision 1) with `narasumberId` as the expert, as
 * the risk register's demo shows it; its completeness computed by the caller.
 */
export async function addDemoInterview(
  m: EntityManager,
  a: {
    title: string;
    summary: string;
    sections: Record<string, string>;
    tags: string[];
    opdId: string;
    interviewerId: string;
    narasumberId: string;
    completeness: number;
    publishedAt: string;
  },
): Promise<string> {
  const [row] = await m.query<{ id: string }[]>(
    `INSERT INTO assets (type, title, summary, sections, tags, opd_id, author_ids, narasumber_id, seci_mode,
                         visibility, status, completeness, revision, created_by, created_at, updated_at,
                         submitted_at, published_at, verified_at, review_due_at)
     VALUES ('wawancara_pengetahuan', $1, $2, $3, $4, $5, $6, $7, 'eksternalisasi', 'internal', 'published',
             $8, 1, $9, $10::timestamptz - interval '5 days', $10, $10::timestamptz - interval '2 days', $10, $10,
             $10::timestamptz + interval '1 year')
     RETURNING id`,
    [
      a.title,
      a.summary,
      JSON.stringify(a.sections),
      a.tags,
      a.opdId,
      [a.interviewerId],
      a.narasumberId,
      a.completeness,
      a.interviewerId,
      a.publishedAt,
    ],
  );
  return row.id;
}

/** How many files each of these assets has (assets without files are left out). */
export async function demoAttachmentCounts(
  m: EntityManager,
  assetIds: readonly string[],
): Promise<Map<string, number>> {
  const rows = await m.query<{ assetId: string; n: number }[]>(
    `SELECT asset_id AS "assetId", count(*)::int AS n FROM attachments WHERE asset_id = ANY($1::uuid[]) GROUP BY asset_id`,
    [assetIds],
  );
  return new Map(rows.map((r) => [r.assetId, r.n]));
}

/** The asset's completeness, as computed by `computeCompleteness`. */
export async function setDemoCompleteness(
  m: EntityManager,
  assetId: string,
  score: number,
): Promise<void> {
  await m.query(`UPDATE assets SET completeness = $2 WHERE id = $1`, [assetId, score]);
}

/**
 * A file already stored in the blob store, recorded as an upload records it (not scanned, text
 * pending); the caller queues its text extraction.
 */
export async function addDemoAttachment(
  m: EntityManager,
  f: {
    assetId: string;
    storageKey: string;
    displayName: string;
    kind: string;
    mime: string;
    sizeBytes: number;
    sha256: string;
    uploadedBy: string;
    createdAt: string;
  },
): Promise<string> {
  const [row] = await m.query<{ id: string }[]>(
    `INSERT INTO attachments (asset_id, storage_key, display_name, kind, mime, size_bytes, sha256,
                              scan_status, text_status, uploaded_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'not_scanned', 'pending', $8, $9) RETURNING id`,
    [
      f.assetId,
      f.storageKey,
      f.displayName,
      f.kind,
      f.mime,
      f.sizeBytes,
      f.sha256,
      f.uploadedBy,
      f.createdAt,
    ],
  );
  return row.id;
}

/** How many assets (any status) each person wrote or gave as narasumber; those with none left out. */
export async function demoEvidenceCounts(
  m: EntityManager,
  userIds: readonly string[],
): Promise<Map<string, number>> {
  const rows = await m.query<{ userId: string; n: number }[]>(
    `SELECT u AS "userId", count(a.id)::int AS n
       FROM unnest($1::uuid[]) AS u
       JOIN assets a ON a.author_ids @> ARRAY[u] OR a.narasumber_id = u
      GROUP BY u`,
    [userIds],
  );
  return new Map(rows.map((r) => [r.userId, r.n]));
}
