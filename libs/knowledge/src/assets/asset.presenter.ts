import type { UserSummary } from '@lumbung/identity';
import type { AssetEntity } from './asset.entity';
import type { DetailExtras } from './asset-detail-sql';
import type { AssetResponseDto } from './dto/asset-response.dto';
import type { AssetSummaryDto } from './dto/asset-summary.dto';
import type { PersonRefDto } from './dto/person-ref.dto';
import type { RejectionDto } from './dto/rejection.dto';
import { revisionDetail, revisionRowOf } from './revision.presenter';
import { computeCompleteness, type MissingPart } from './completeness';
import { presentAttachment } from '../attachments/attachment.presenter';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** A reference to a person; one the directory does not know gets an empty name. */
export function personRef(
  id: string,
  user: Pick<UserSummary, 'name' | 'opdCode'> | undefined,
): PersonRefDto {
  return { id, name: user?.name ?? '', opdCode: user?.opdCode ?? '' };
}

/** An asset in a list; `now` decides whether its review is overdue. */
export function presentAssetSummary(
  a: AssetEntity,
  opdCode: string,
  rejection: RejectionDto | null,
  now = Date.now(),
): AssetSummaryDto {
  return {
    id: a.id,
    type: a.type,
    title: a.title,
    summary: a.summary,
    tags: a.tags,
    opdCode,
    visibility: a.visibility,
    status: a.status,
    completeness: a.completeness,
    needsReview: a.status === 'published' && !!a.reviewDueAt && a.reviewDueAt.getTime() < now,
    publishedAt: iso(a.publishedAt),
    updatedAt: a.updatedAt.toISOString(),
    rejection,
  };
}

/**
 * The full asset from the extras loaded with it (history, attachments, people, the proposed
 * revision); `showProposal` is the caller's policy answer on seeing the proposed revision.
 */
export function presentAssetDetail(
  asset: AssetEntity,
  extras: DetailExtras,
  showProposal: boolean,
  now = Date.now(),
): AssetResponseDto {
  const transitions = extras.transitions.map((t) => ({ ...t, at: new Date(t.at) }));
  const attachments = extras.attachments.map(presentAttachment);
  const people = new Map(Object.entries(extras.people));
  const refOf = (id: string): PersonRefDto => personRef(id, people.get(id));
  const person = (id: string | null): PersonRefDto | null => (id ? refOf(id) : null);
  const last = transitions.at(-1);
  const rejection =
    asset.status === 'draft' && last?.action === 'reject'
      ? { comment: last.comment ?? '', by: refOf(last.actorId), at: last.at.toISOString() }
      : null;
  return {
    ...presentAssetSummary(asset, extras.opdCode ?? '', rejection, now),
    sections: asset.sections,
    body: asset.body,
    copId: asset.copId,
    authors: asset.authorIds.map(refOf),
    narasumber: person(asset.narasumberId),
    seciMode: asset.seciMode,
    missing: missingParts(asset, attachments.length),
    revision: asset.revision,
    version: asset.version,
    externalId: asset.externalId,
    createdAt: asset.createdAt.toISOString(),
    submittedAt: iso(asset.submittedAt),
    verifiedAt: iso(asset.verifiedAt),
    verifiedBy: person(asset.verifiedBy),
    reviewDueAt: iso(asset.reviewDueAt),
    archivedAt: iso(asset.archivedAt),
    transitions: transitions.map((t) => ({
      action: t.action,
      from: t.fromStatus,
      to: t.toStatus,
      actor: refOf(t.actorId),
      comment: t.comment,
      at: t.at.toISOString(),
    })),
    attachments,
    proposedRevision:
      extras.proposed && showProposal
        ? revisionDetail(revisionRowOf(extras.proposed), refOf)
        : null,
  };
}

/** What the asset still lacks to be complete (the same rule that scores its completeness). */
function missingParts(asset: AssetEntity, attachmentCount: number): MissingPart[] {
  return computeCompleteness({
    type: asset.type,
    summary: asset.summary,
    sections: asset.sections,
    tags: asset.tags,
    seciMode: asset.seciMode,
    narasumberId: asset.narasumberId,
    attachmentCount,
  }).missing;
}
