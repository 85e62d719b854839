import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { CommonErrors } from '@lumbung/platform';
import type { Principal } from '@lumbung/identity';
import { type Reader, readerOf } from './asset-read.rule';
import { type WorkflowAction, workflowRefusal } from './asset.policy';
import type { AssetStatus } from './asset-types';
import { AssetEntity } from './asset.entity';
import { AssetErrors } from './asset.errors';
import { AssetRevisionsRepository } from './asset-revisions.repository';
import { AssetsRepository } from './assets.repository';
import { blocksSubmission, computeCompleteness } from './completeness';
import { touchSearch } from './search-sync';
import { announceInterview } from './interview-published';
import { AssetAnnouncer } from './asset-announcer';

/** How long a verification holds before the asset needs review again (then it is flagged). */
export const REVIEW_MONTHS = 12;

export function reviewDueFrom(date: Date): Date {
  const due = new Date(date);
  due.setUTCMonth(due.getUTCMonth() + REVIEW_MONTHS);
  return due;
}

/** Which status each action starts from and leads to. */
const MOVES: Record<WorkflowAction, { from: readonly AssetStatus[]; to: AssetStatus }> = {
  submit: { from: ['draft'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'published' },
  reject: { from: ['submitted'], to: 'draft' },
  archive: { from: ['published'], to: 'archived' },
  reverify: { from: ['published'], to: 'published' },
};

/**
 * The review workflow: authors submit, a verifier of the owning OPD (never an author) approves,
 * rejects or re-verifies; authors and the OPD's verifiers archive. Every move is recorded.
 */
@Injectable()
export class AssetWorkflowService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repo: AssetsRepository,
    private readonly revisions: AssetRevisionsRepository,
    private readonly announce: AssetAnnouncer,
  ) {}

  async transition(
    principal: Principal,
    id: string,
    action: WorkflowAction,
    comment?: string,
  ): Promise<AssetEntity> {
    return this.ds.transaction(async (tx) => {
      const reader = readerOf(principal)!;
      const asset = await this.repo.lockReadable(tx, id, reader);
      this.authorize(asset, reader, action);
      const move = MOVES[action];
      if (!move.from.includes(asset.status))
        throw AssetErrors.invalidTransition(asset.status, action);
      const from = asset.status;
      const now = new Date();
      if (action === 'submit') await this.assertSubmittable(tx, asset);
      asset.status = move.to;
      asset.updatedAt = now;
      if (action === 'submit') asset.submittedAt = now;
      if (action === 'approve' || action === 'reverify') {
        asset.publishedAt ??= now;
        asset.verifiedAt = now;
        asset.verifiedBy = reader.userId;
        asset.reviewDueAt = reviewDueFrom(now);
      }
      if (action === 'archive') asset.archivedAt = now;
      if (action === 'approve')
        asset.revision = await this.revisions.snapshot(tx, asset, reader.userId);
      const saved = await tx.getRepository(AssetEntity).save(asset);
      await this.repo.recordTransition(tx, asset.id, {
        action,
        from,
        to: move.to,
        actorId: reader.userId,
        comment: comment ?? null,
      });
      // Publishing, archiving and re-verifying change what search shows.
      if (action === 'approve' || action === 'archive' || action === 'reverify') {
        await touchSearch(tx, [asset.id]);
      }
      if (action === 'approve') await announceInterview(tx, asset);
      await this.tell(tx, asset, action, reader.userId, comment, now);
      return saved;
    });
  }

  /** Who hears of the move: the OPD's verifiers of a submission, the authors of a decision. */
  private async tell(
    tx: EntityManager,
    asset: AssetEntity,
    action: WorkflowAction,
    actorId: string,
    comment: string | undefined,
    now: Date,
  ): Promise<void> {
    const occurrence = now.toISOString();
    if (action === 'submit') await this.announce.waiting(tx, asset, occurrence);
    if (action === 'approve' || action === 'reject') {
      const decision = action === 'approve' ? 'approved' : 'rejected';
      await this.announce.decided(tx, asset, decision, actorId, comment, occurrence);
    }
    if (action === 'approve') await this.announce.narasumberNamed(tx, asset, actorId);
  }

  private authorize(asset: AssetEntity, reader: Reader, action: WorkflowAction): void {
    const refusal = workflowRefusal(asset, reader, action);
    if (refusal === 'self_review') throw AssetErrors.selfApproval();
    if (refusal) throw CommonErrors.forbidden();
  }

  /** 422 ASSET_INCOMPLETE when a required part is empty (also for edits of published content). */
  async assertSubmittable(tx: EntityManager, asset: AssetEntity): Promise<void> {
    const attachmentCount = await this.repo.attachmentCount(tx, asset.id);
    const { missing } = computeCompleteness({ ...asset, attachmentCount });
    const blocking = blocksSubmission(missing);
    if (blocking.length > 0) throw AssetErrors.incomplete(blocking);
  }
}
