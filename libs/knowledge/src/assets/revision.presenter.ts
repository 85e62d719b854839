import type { DetailExtras } from './asset-detail-sql';
import type { PendingRevisionDto } from './dto/pending-revision.dto';
import type { PersonRefDto } from './dto/person-ref.dto';
import type { RevisionSummaryDto } from './dto/revision-summary.dto';
import type { RevisionDto } from './dto/revision.dto';
import type { PendingRevisionRow, RevisionRow } from './revision-row';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** A revision row read back from JSON, its dates restored. */
export function revisionRowOf(json: NonNullable<DetailExtras['proposed']>): RevisionRow {
  return {
    ...json,
    createdAt: new Date(json.createdAt),
    updatedAt: new Date(json.updatedAt),
    reviewedAt: json.reviewedAt ? new Date(json.reviewedAt) : null,
  };
}

/** A revision as the API lists it: pure, `person` resolves the people it names. */
export function revisionSummary(
  r: RevisionRow,
  person: (id: string) => PersonRefDto,
): RevisionSummaryDto {
  return {
    n: r.n,
    title: r.title,
    status: r.status,
    basedOn: r.baseN,
    createdBy: person(r.createdBy),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    reviewedBy: r.reviewedBy ? person(r.reviewedBy) : null,
    reviewedAt: iso(r.reviewedAt),
    reviewComment: r.reviewComment,
  };
}

/** A revision with its content: pure. */
export function revisionDetail(r: RevisionRow, person: (id: string) => PersonRefDto): RevisionDto {
  return {
    ...revisionSummary(r, person),
    type: r.type,
    summary: r.summary,
    sections: r.sections,
    body: r.body,
    tags: r.tags,
    visibility: r.visibility,
    seciMode: r.seciMode,
    copId: r.copId,
    narasumber: r.narasumberId ? person(r.narasumberId) : null,
  };
}

/** A pending revision as the review queue shows it: pure (`reviewerId` may not review their own). */
export function presentPendingRevision(
  r: PendingRevisionRow,
  opdCode: string,
  person: (id: string) => PersonRefDto,
  reviewerId: string,
): PendingRevisionDto {
  return {
    assetId: r.assetId,
    n: r.n,
    basedOn: r.baseN,
    title: r.title,
    assetTitle: r.assetTitle,
    type: r.type,
    opdCode,
    createdBy: person(r.createdBy),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    canReview: !r.authorIds.includes(reviewerId),
  };
}
