import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AssetEntity } from './asset.entity';
import {
  type PendingRevisionRow,
  type RevisionContent,
  type RevisionRow,
  revisionColumns,
} from './revision-row';

const CONTENT_COLUMNS =
  'type, title, summary, sections, body, tags, visibility, seci_mode, narasumber_id, cop_id';
const REVISION = revisionColumns('r');

function contentValues(c: RevisionContent): unknown[] {
  return [
    c.type,
    c.title,
    c.summary,
    JSON.stringify(c.sections),
    c.body,
    c.tags,
    c.visibility,
    c.seciMode,
    c.narasumberId,
    c.copId,
  ];
}

/**
 * An asset's numbered revisions: the published ones (its history) and the proposals written
 * against them (pending until a verifier publishes or rejects them).
 */
@Injectable()
export class AssetRevisionsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /**
   * Publishes the asset's current content as its next revision, written against the revision
   * published until now and verified by `reviewerId`; returns the number.
   */
  async snapshot(
    m: EntityManager,
    asset: AssetEntity,
    actorId: string,
    reviewerId: string = actorId,
  ): Promise<number> {
    const [row] = await m.query<{ n: number }[]>(
      `INSERT INTO asset_revisions (asset_id, n, ${CONTENT_COLUMNS}, status, base_n, created_by,
                                    reviewed_by, reviewed_at)
       SELECT $1, coalesce(max(n), 0) + 1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'published',
              $12, $13, $14, now()
         FROM asset_revisions WHERE asset_id = $1
       RETURNING n`,
      [asset.id, ...contentValues(asset), asset.revision || null, actorId, reviewerId],
    );
    return row.n;
  }

  /** The asset's pending revision, row-locked for a change in this transaction. */
  async lockPending(m: EntityManager, assetId: string): Promise<RevisionRow | undefined> {
    const [row] = await m.query<RevisionRow[]>(
      `SELECT ${REVISION} FROM asset_revisions r WHERE asset_id = $1 AND status = 'pending' FOR UPDATE`,
      [assetId],
    );
    return row;
  }

  /**
   * Stores proposed content as the asset's pending revision (a new one written against the
   * published revision, or the existing one updated); returns its number.
   */
  async savePending(
    m: EntityManager,
    asset: AssetEntity,
    content: RevisionContent,
    actorId: string,
    existing: RevisionRow | undefined,
  ): Promise<number> {
    if (existing) {
      await m.query(
        `UPDATE asset_revisions SET (${CONTENT_COLUMNS}) = ($3, $4, $5, $6, $7, $8, $9, $10, $11, $12),
                updated_at = now()
          WHERE asset_id = $1 AND n = $2`,
        [asset.id, existing.n, ...contentValues(content)],
      );
      return existing.n;
    }
    const [row] = await m.query<{ n: number }[]>(
      `INSERT INTO asset_revisions (asset_id, n, ${CONTENT_COLUMNS}, status, base_n, created_by)
       SELECT $1, coalesce(max(n), 0) + 1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'pending', $12, $13
         FROM asset_revisions WHERE asset_id = $1
       RETURNING n`,
      [asset.id, ...contentValues(content), asset.revision || null, actorId],
    );
    return row.n;
  }

  /** The latest rejected proposal written against the asset's published revision, if any. */
  async rejectedSince(m: EntityManager, asset: AssetEntity): Promise<RevisionRow | undefined> {
    const [row] = await m.query<RevisionRow[]>(
      `SELECT ${REVISION} FROM asset_revisions r
        WHERE asset_id = $1 AND status = 'rejected' AND n > $2 AND base_n IS NOT DISTINCT FROM $3
        ORDER BY n DESC LIMIT 1`,
      [asset.id, asset.revision, asset.revision || null],
    );
    return row;
  }

  /** A withdrawn proposal (edited back to the published content) leaves no trace. */
  async deletePending(m: EntityManager, assetId: string): Promise<void> {
    await m.query(`DELETE FROM asset_revisions WHERE asset_id = $1 AND status = 'pending'`, [
      assetId,
    ]);
  }

  /** Records a verifier's decision on a pending revision. */
  async review(
    m: EntityManager,
    assetId: string,
    n: number,
    decision: { status: 'published' | 'rejected'; reviewerId: string; comment: string | null },
  ): Promise<void> {
    await m.query(
      `UPDATE asset_revisions SET status = $3, reviewed_by = $4, reviewed_at = now(), review_comment = $5
        WHERE asset_id = $1 AND n = $2 AND status = 'pending'`,
      [assetId, n, decision.status, decision.reviewerId, decision.comment],
    );
  }

  /** Revisions, newest first: published ones only, or with proposals (pending, rejected). */
  async revisions(assetId: string, withProposals = false): Promise<RevisionRow[]> {
    return this.ds.query<RevisionRow[]>(
      `SELECT ${REVISION} FROM asset_revisions r WHERE asset_id = $1 AND ($2 OR status = 'published')
        ORDER BY n DESC`,
      [assetId, withProposals],
    );
  }

  async revision(
    m: EntityManager = this.ds.manager,
    assetId: string,
    n: number,
    withProposals = false,
  ): Promise<RevisionRow | undefined> {
    const rows = await m.query<RevisionRow[]>(
      `SELECT ${REVISION} FROM asset_revisions r WHERE asset_id = $1 AND n = $2 AND ($3 OR status = 'published')`,
      [assetId, n, withProposals],
    );
    return rows[0];
  }

  /** Pending revisions of published assets of these OPDs, oldest first (a queue). */
  async pendingPage(
    opdIds: readonly string[],
    page: number,
    limit: number,
  ): Promise<[PendingRevisionRow[], number]> {
    const where = `FROM asset_revisions r JOIN assets a ON a.id = r.asset_id
                  WHERE r.status = 'pending' AND a.status = 'published' AND a.opd_id = ANY($1::uuid[])`;
    const [{ n }] = await this.ds.query<{ n: number }[]>(`SELECT count(*)::int AS n ${where}`, [
      opdIds,
    ]);
    const rows = await this.ds.query<PendingRevisionRow[]>(
      `SELECT r.asset_id AS "assetId", r.n, r.base_n AS "baseN", r.title, a.title AS "assetTitle", a.type,
              a.opd_id AS "opdId", a.author_ids AS "authorIds", r.created_by AS "createdBy",
              r.created_at AS "createdAt", r.updated_at AS "updatedAt"
         ${where} ORDER BY r.created_at, r.asset_id LIMIT $2 OFFSET $3`,
      [opdIds, limit, (page - 1) * limit],
    );
    return [rows, n];
  }
}
