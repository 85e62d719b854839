import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OpdsService, UserDirectory, type UserSummary } from '@lumbung/identity';
import type { Reader } from './asset-read.rule';
import { seesProposals } from './asset.policy';
import type { AssetEntity } from './asset.entity';
import type { AssetResponseDto } from './dto/asset-response.dto';
import type { AssetSummaryDto } from './dto/asset-summary.dto';
import type { PersonRefDto } from './dto/person-ref.dto';
import type { RejectionDto } from './dto/rejection.dto';
import type { RevisionSummaryDto } from './dto/revision-summary.dto';
import type { RevisionDto } from './dto/revision.dto';
import { AssetsRepository } from './assets.repository';
import type { RevisionRow } from './revision-row';
import { revisionDetail, revisionRowOf, revisionSummary } from './revision.presenter';
import { computeCompleteness, type MissingPart } from './completeness';
import { presentAttachment } from '../attachments/attachment.presenter';
import { AttachmentViewService } from '../attachments/attachment-view.service';
import { DETAIL_EXTRAS_SQL, type DetailExtras } from './asset-detail-sql';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** Builds asset responses (entity → DTO); never returns an entity. */
@Injectable()
export class AssetViewService {
  constructor(
    private readonly opds: OpdsService,
    private readonly users: UserDirectory,
    private readonly attachments: AttachmentViewService,
    private readonly repo: AssetsRepository,
    @InjectDataSource() private readonly ds: DataSource,
  ) {}

  async summaries(assets: AssetEntity[]): Promise<AssetSummaryDto[]> {
    const drafts = assets.filter((a) => a.status === 'draft').map((a) => a.id);
    const [codes, rejections] = await Promise.all([
      this.opds.codesByIds([...new Set(assets.map((a) => a.opdId))]),
      this.repo.standingRejections(drafts),
    ]);
    const verifiers = await this.users.byIds([
      ...new Set([...rejections.values()].map((r) => r.actorId)),
    ]);
    return assets.map((a) => {
      const r = rejections.get(a.id);
      const rejection = r && {
        comment: r.comment ?? '',
        by: ref(r.actorId, verifiers.get(r.actorId)),
        at: new Date(r.at).toISOString(),
      };
      return this.summary(a, codes.get(a.opdId) ?? '', rejection ?? null);
    });
  }

  /** The full response; `extras` when the caller loaded them with the asset (one round trip). */
  async detail(
    asset: AssetEntity,
    reader: Reader | undefined,
    extras?: DetailExtras,
  ): Promise<AssetResponseDto> {
    const row = extras ?? (await this.extras(asset.id, reader));
    const transitions = row.transitions.map((t) => ({ ...t, at: new Date(t.at) }));
    const attachments = row.attachments.map(presentAttachment);
    const people = new Map(Object.entries(row.people));
    const codes = new Map([[asset.opdId, row.opdCode ?? '']]);
    const person = (id: string | null): PersonRefDto | null =>
      id ? ref(id, people.get(id)) : null;
    const last = transitions.at(-1);
    const rejection =
      asset.status === 'draft' && last?.action === 'reject'
        ? {
            comment: last.comment ?? '',
            by: ref(last.actorId, people.get(last.actorId)),
            at: last.at.toISOString(),
          }
        : null;
    return {
      ...this.summary(asset, codes.get(asset.opdId) ?? '', rejection),
      sections: asset.sections,
      body: asset.body,
      copId: asset.copId,
      authors: asset.authorIds.map((id) => ref(id, people.get(id))),
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
        actor: ref(t.actorId, people.get(t.actorId)),
        comment: t.comment,
        at: t.at.toISOString(),
      })),
      attachments,
      proposedRevision:
        row.proposed && seesProposals(asset, reader)
          ? revisionDetail(revisionRowOf(row.proposed), (id) => ref(id, people.get(id)))
          : null,
    };
  }

  private async extras(id: string, reader: Reader | undefined): Promise<DetailExtras> {
    const [query, values] = this.ds.driver.escapeQueryWithParameters(
      `SELECT ${DETAIL_EXTRAS_SQL} AS extras FROM assets a WHERE a.id = :id`,
      { id, detailReader: reader?.userId ?? null },
      {},
    );
    const [row] = await this.ds.query<{ extras: DetailExtras }[]>(query, values);
    return row.extras;
  }

  /** References to these people, by id (unknown ids get an empty name). */
  async people(ids: readonly string[]): Promise<(id: string) => PersonRefDto> {
    const found = await this.users.byIds([...new Set(ids)]);
    return (id) => ref(id, found.get(id));
  }

  async revisionSummaries(rows: RevisionRow[]): Promise<RevisionSummaryDto[]> {
    const ids = rows.flatMap((r) => [r.createdBy, r.reviewedBy ?? r.createdBy]);
    const people = await this.users.byIds([...new Set(ids)]);
    return rows.map((r) => revisionSummary(r, (id) => ref(id, people.get(id))));
  }

  async revision(row: RevisionRow): Promise<RevisionDto> {
    const people = await this.users.byIds(
      [row.createdBy, row.reviewedBy, row.narasumberId].filter((x): x is string => !!x),
    );
    return revisionDetail(row, (id) => ref(id, people.get(id)));
  }

  private summary(
    a: AssetEntity,
    opdCode: string,
    rejection: RejectionDto | null,
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
      needsReview:
        a.status === 'published' && !!a.reviewDueAt && a.reviewDueAt.getTime() < Date.now(),
      publishedAt: iso(a.publishedAt),
      updatedAt: a.updatedAt.toISOString(),
      rejection,
    };
  }
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

function ref(id: string, user: Pick<UserSummary, 'name' | 'opdCode'> | undefined): PersonRefDto {
  return { id, name: user?.name ?? '', opdCode: user?.opdCode ?? '' };
}
