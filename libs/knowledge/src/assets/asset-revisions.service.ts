import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, CommonErrors } from '@lumbung/platform';
import { OpdsService, type Principal } from '@lumbung/identity';
import { type Reader, readerOf } from './asset-read.rule';
import { reviewRefusal, seesProposals } from './asset.policy';
import { AssetContentEditor, contentOf, revisionContent, sameContent } from './asset-content';
import { AssetWorkflowService } from './asset-workflow.service';
import { AssetEntity } from './asset.entity';
import { AssetErrors } from './asset.errors';
import { AssetViewService } from './asset-view.service';
import { presentPendingRevision } from './revision.presenter';
import { AssetRevisionsRepository } from './asset-revisions.repository';
import { AssetsRepository } from './assets.repository';
import type { RevisionRow } from './revision-row';
import { computeCompleteness } from './completeness';
import type { PendingRevisionPageDto } from './dto/pending-revision-page.dto';
import type { PendingRevisionsQueryDto } from './dto/pending-revisions-query.dto';
import type { RevisionDiffDto } from './dto/revision-diff.dto';
import type { UpdateAssetDto } from './dto/update-asset.dto';
import { announceInterview } from './interview-published';
import { AssetAnnouncer } from './asset-announcer';
import { diffRevisions } from './revision-diff';
import { touchSearch } from './search-sync';

/**
 * Verified content changes only through verification (issue #16). An author's edit of a
 * published asset is its pending revision (one at a time; later edits update it) until a verifier
 * of the OPD who did not write the asset approves it (the asset takes its content) or rejects it
 * with a comment (readers never see it). Search reads the asset row, so it only ever has the
 * published revision.
 */
@Injectable()
export class AssetRevisionsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repo: AssetsRepository,
    private readonly revisions: AssetRevisionsRepository,
    private readonly content: AssetContentEditor,
    private readonly workflow: AssetWorkflowService,
    private readonly audit: AuditService,
    private readonly opds: OpdsService,
    private readonly view: AssetViewService,
    private readonly announce: AssetAnnouncer,
  ) {}

  /**
   * An author's edit of the published (row-locked) `asset`, applied to its pending revision or to
   * the published content. Edited back to the published content, the proposal is withdrawn.
   */
  async propose(
    tx: EntityManager,
    principal: Principal,
    asset: AssetEntity,
    dto: UpdateAssetDto,
  ): Promise<void> {
    const pending = await this.revisions.lockPending(tx, asset.id);
    // After a rejection the author goes on from what they proposed, not from scratch.
    const rejected = pending ? undefined : await this.revisions.rejectedSince(tx, asset);
    const start = pending ?? rejected;
    const proposed = start ? revisionContent(start) : contentOf(asset);
    await this.content.apply(principal, proposed, dto);
    if (sameContent(proposed, asset)) {
      if (!pending) return;
      await this.revisions.deletePending(tx, asset.id);
    } else {
      // Published content stays complete: an edit may not empty a required part.
      await this.workflow.assertSubmittable(tx, { ...asset, ...proposed });
      const n = await this.revisions.savePending(tx, asset, proposed, principal.userId, pending);
      await this.announce.waiting(tx, asset, `rev${n}`, true);
    }
    // The version guards edits of the proposal too; it is part of the search stamp.
    await tx.query(`UPDATE assets SET version = version + 1 WHERE id = $1`, [asset.id]);
    asset.version += 1;
    await touchSearch(tx, [asset.id]);
  }

  /** A verifier publishes nothing past an author's pending change. */
  async assertNonePending(tx: EntityManager, assetId: string): Promise<void> {
    const pending = await this.revisions.lockPending(tx, assetId);
    if (pending) throw AssetErrors.revisionPending(pending.n);
  }

  /** A verifier's own edit of an asset they did not write: published now, and recorded. */
  async publishOwnEdit(tx: EntityManager, asset: AssetEntity, reader: Reader): Promise<void> {
    await this.workflow.assertSubmittable(tx, asset);
    asset.revision = await this.revisions.snapshot(tx, asset, reader.userId);
    await this.repo.recordTransition(tx, asset.id, {
      action: 'revise',
      from: 'published',
      to: 'published',
      actorId: reader.userId,
    });
    await this.audit.record(tx, {
      actorId: reader.userId,
      action: 'asset_revised_by_verifier',
      targetType: 'asset',
      targetId: asset.id,
      details: { revision: asset.revision },
    });
    await touchSearch(tx, [asset.id]);
  }

  /** Publishes a pending revision: the asset takes its content; search follows. */
  async approve(
    principal: Principal,
    id: string,
    n: number,
    comment: string | undefined,
  ): Promise<AssetEntity> {
    return this.ds.transaction(async (tx) => {
      const { asset, reader, revision } = await this.reviewable(tx, principal, id, n);
      if (revision.baseN !== (asset.revision || null))
        throw AssetErrors.revisionOutdated(asset.revision);
      const narasumberBefore = asset.narasumberId;
      Object.assign(asset, revisionContent(revision));
      await this.workflow.assertSubmittable(tx, asset);
      const attachmentCount = await this.repo.attachmentCount(tx, asset.id);
      asset.completeness = computeCompleteness({ ...asset, attachmentCount }).score;
      asset.revision = n;
      asset.version += 1;
      asset.updatedAt = new Date();
      await this.revisions.review(tx, asset.id, n, {
        status: 'published',
        reviewerId: reader.userId,
        comment: comment ?? null,
      });
      await this.repo.recordTransition(tx, asset.id, {
        action: 'approve_revision',
        from: 'published',
        to: 'published',
        actorId: reader.userId,
        comment: comment ?? null,
      });
      await this.recordDecision(tx, reader, asset.id, n, 'asset_revision_approved');
      await touchSearch(tx, [asset.id]);
      if (asset.narasumberId !== narasumberBefore) {
        await announceInterview(tx, asset);
        await this.announce.narasumberNamed(tx, asset, reader.userId);
      }
      await this.announce.decided(tx, asset, 'approved', reader.userId, comment, `rev${n}`);
      return tx.getRepository(AssetEntity).save(asset);
    });
  }

  /** Refuses a pending revision with a comment for its authors; readers never see it. */
  async reject(principal: Principal, id: string, n: number, comment: string): Promise<AssetEntity> {
    return this.ds.transaction(async (tx) => {
      const { asset, reader } = await this.reviewable(tx, principal, id, n);
      await this.revisions.review(tx, asset.id, n, {
        status: 'rejected',
        reviewerId: reader.userId,
        comment,
      });
      await this.recordDecision(tx, reader, asset.id, n, 'asset_revision_rejected');
      await this.announce.decided(tx, asset, 'rejected', reader.userId, comment, `rev${n}`);
      return asset;
    });
  }

  /** Revisions of a readable asset: published ones, and proposals for its authors and verifiers. */
  async list(reader: Reader | undefined, asset: AssetEntity): Promise<RevisionRow[]> {
    return this.revisions.revisions(asset.id, seesProposals(asset, reader));
  }

  async one(reader: Reader | undefined, asset: AssetEntity, n: number): Promise<RevisionRow> {
    const row = await this.revisions.revision(undefined, asset.id, n, seesProposals(asset, reader));
    if (!row) throw CommonErrors.notFound();
    return row;
  }

  /**
   * Revision `n` against the published revision it would replace (pending) or was written against
   * (published, rejected): the review a verifier approves or rejects.
   */
  async diff(reader: Reader | undefined, asset: AssetEntity, n: number): Promise<RevisionDiffDto> {
    const row = await this.one(reader, asset, n);
    const against = row.status === 'pending' ? asset.revision || null : row.baseN;
    const base = against
      ? await this.revisions.revision(undefined, asset.id, against, true)
      : undefined;
    const after = revisionContent(row);
    return {
      n: row.n,
      status: row.status,
      against,
      ...diffRevisions(after.type, base && revisionContent(base), after),
    };
  }

  /**
   * The edits waiting for the caller: pending revisions of published assets of the OPDs they
   * verify (or of one of them, `q.opd`), the oldest first. Scoped in the query.
   */
  async pending(
    principal: Principal,
    q: PendingRevisionsQueryDto,
  ): Promise<PendingRevisionPageDto> {
    const { page, limit } = q;
    const mine = principal.opdsWhere('verifier');
    const only = q.opd ? (await this.opds.idsByCode([q.opd])).get(q.opd) : undefined;
    const opdIds = q.opd ? mine.filter((id) => id === only) : mine;
    if (opdIds.length === 0) return { items: [], total: 0, page, limit };
    const [rows, total] = await this.revisions.pendingPage(opdIds, page, limit);
    const [codes, person] = await Promise.all([
      this.opds.codesByIds([...new Set(rows.map((r) => r.opdId))]),
      this.view.people(rows.map((r) => r.createdBy)),
    ]);
    const items = rows.map((r) =>
      presentPendingRevision(r, codes.get(r.opdId) ?? '', person, principal.userId),
    );
    return { items, total, page, limit };
  }

  /**
   * The asset (locked) and its revision `n` for a review: 404 unreadable or no such revision,
   * 403 not a verifier of the OPD or an author (self-review), 409 archived or not pending.
   */
  private async reviewable(
    tx: EntityManager,
    principal: Principal,
    id: string,
    n: number,
  ): Promise<{ asset: AssetEntity; reader: Reader; revision: RevisionRow }> {
    const reader = readerOf(principal)!;
    const asset = await this.repo.lockReadable(tx, id, reader);
    // A proposal is invisible (404) to whoever may not see it, another OPD's verifier included.
    const revision = await this.revisions.revision(tx, asset.id, n, seesProposals(asset, reader));
    if (!revision) throw CommonErrors.notFound();
    const refusal = reviewRefusal(asset, reader);
    if (refusal === 'self_review') throw AssetErrors.selfApproval();
    if (refusal) throw CommonErrors.forbidden();
    if (asset.status !== 'published')
      throw AssetErrors.invalidTransition(asset.status, 'review_revision');
    if (revision.status !== 'pending') throw AssetErrors.revisionNotPending(revision.status);
    return { asset, reader, revision };
  }

  private async recordDecision(
    tx: EntityManager,
    reader: Reader,
    assetId: string,
    n: number,
    action: string,
  ): Promise<void> {
    await this.audit.record(tx, {
      actorId: reader.userId,
      action,
      targetType: 'asset',
      targetId: assetId,
      details: { n },
    });
  }
}
