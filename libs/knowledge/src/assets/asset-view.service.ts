import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OpdsService, UserDirectory } from '@lumbung/identity';
import type { Reader } from './asset-read.rule';
import { seesProposals } from './asset.policy';
import type { AssetEntity } from './asset.entity';
import type { AssetResponseDto } from './dto/asset-response.dto';
import type { AssetSummaryDto } from './dto/asset-summary.dto';
import type { PersonRefDto } from './dto/person-ref.dto';
import type { RevisionSummaryDto } from './dto/revision-summary.dto';
import type { RevisionDto } from './dto/revision.dto';
import { AssetsRepository } from './assets.repository';
import type { RevisionRow } from './revision-row';
import { revisionDetail, revisionSummary } from './revision.presenter';
import { personRef, presentAssetDetail, presentAssetSummary } from './asset.presenter';
import { AttachmentViewService } from '../attachments/attachment-view.service';
import { DETAIL_EXTRAS_SQL, type DetailExtras } from './asset-detail-sql';

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
        by: personRef(r.actorId, verifiers.get(r.actorId)),
        at: new Date(r.at).toISOString(),
      };
      return presentAssetSummary(a, codes.get(a.opdId) ?? '', rejection ?? null);
    });
  }

  /** The full response; `extras` when the caller loaded them with the asset (one round trip). */
  async detail(
    asset: AssetEntity,
    reader: Reader | undefined,
    extras?: DetailExtras,
  ): Promise<AssetResponseDto> {
    const row = extras ?? (await this.extras(asset.id, reader));
    return presentAssetDetail(asset, row, !!row.proposed && seesProposals(asset, reader));
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
    return (id) => personRef(id, found.get(id));
  }

  async revisionSummaries(rows: RevisionRow[]): Promise<RevisionSummaryDto[]> {
    const ids = rows.flatMap((r) => [r.createdBy, r.reviewedBy ?? r.createdBy]);
    const people = await this.users.byIds([...new Set(ids)]);
    return rows.map((r) => revisionSummary(r, (id) => personRef(id, people.get(id))));
  }

  async revision(row: RevisionRow): Promise<RevisionDto> {
    const people = await this.users.byIds(
      [row.createdBy, row.reviewedBy, row.narasumberId].filter((x): x is string => !!x),
    );
    return revisionDetail(row, (id) => personRef(id, people.get(id)));
  }
}
