import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  AuditService,
  CommonErrors,
  IdempotencyStore,
  JobsService,
  type Page,
  isUuid,
  QUEUES,
} from '@lumbung/platform';
import { OpdsService, type Principal } from '@lumbung/identity';
import { type Reader, readerOf } from './asset-read.rule';
import { filesUnderOpd, isAuthor, mayEdit } from './asset.policy';
import { AssetContentEditor } from './asset-content';
import { AssetRevisionsService } from './asset-revisions.service';
import type { DetailExtras } from './asset-detail-sql';
import { AssetEntity } from './asset.entity';
import { AssetErrors } from './asset.errors';
import { AssetsRepository } from './assets.repository';
import { computeCompleteness } from './completeness';
import type { CreateAssetDto } from './dto/create-asset.dto';
import type { ListAssetsQueryDto } from './dto/list-assets-query.dto';
import type { UpdateAssetDto } from './dto/update-asset.dto';
import { normalizeTags } from './tags';
import { touchSearch } from './search-sync';
import { announceInterview } from './interview-published';
import { AssetAnnouncer } from './asset-announcer';

/** Drafting, editing, deleting and reading knowledge assets. Workflow moves live next door. */
@Injectable()
export class AssetsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repo: AssetsRepository,
    private readonly opds: OpdsService,
    private readonly content: AssetContentEditor,
    private readonly revisions: AssetRevisionsService,
    private readonly jobs: JobsService,
    private readonly audit: AuditService,
    private readonly announce: AssetAnnouncer,
    private readonly idempotency: IdempotencyStore,
  ) {}

  /** Read service for other contexts: which of these asset ids the caller may read. */
  async readableIds(principal: Principal | undefined, ids: readonly string[]): Promise<string[]> {
    const reader = readerOf(principal);
    return this.repo.readableIds(
      ids.filter((id) => isUuid(id)),
      reader,
    );
  }

  /** Read service for other contexts: titles and types of the assets the caller may read. */
  async readableTitles(
    principal: Principal | undefined,
    ids: readonly string[],
  ): Promise<Map<string, { title: string; type: string }>> {
    return this.repo.readableTitles(
      [...new Set(ids.filter((id) => isUuid(id)))],
      readerOf(principal),
    );
  }

  /**
   * Read service for other contexts: the asset if the caller may read it, else null (a search
   * click: nothing is shown, so no restricted read is audited).
   */
  async findReadable(principal: Principal | undefined, id: string): Promise<AssetEntity | null> {
    return isUuid(id) ? this.repo.findReadable(undefined, id, readerOf(principal)) : null;
  }

  /** The asset if the caller may read it; otherwise the same 404 as a missing one. */
  async get(principal: Principal | undefined, id: string): Promise<AssetEntity> {
    const reader = readerOf(principal);
    const asset = isUuid(id) ? await this.repo.findReadable(undefined, id, reader) : null;
    return this.checkedRead(reader, asset);
  }

  /** `get` with what the detail response needs, loaded in the same query (the read path). */
  async getForReading(
    principal: Principal | undefined,
    id: string,
  ): Promise<{ asset: AssetEntity; extras: DetailExtras }> {
    const reader = readerOf(principal);
    const found = isUuid(id) ? await this.repo.findReadableWithDetail(id, reader) : null;
    return { asset: await this.checkedRead(reader, found?.asset ?? null), extras: found!.extras };
  }

  /** 404 for nothing; an assessor's read of restricted evidence is audit-logged. */
  private async checkedRead(
    reader: Reader | undefined,
    asset: AssetEntity | null,
  ): Promise<AssetEntity> {
    if (!asset) throw CommonErrors.notFound();
    if (
      reader?.isAssessor &&
      (asset.visibility === 'opd' || asset.visibility === 'cop') &&
      asset.opdId !== reader.opdId
    ) {
      // Assessors may read restricted evidence, and every such read is recorded.
      await this.audit.record(undefined, {
        actorId: reader.userId,
        action: 'asset_read_restricted',
        targetType: 'asset',
        targetId: asset.id,
      });
    }
    return asset;
  }

  async list(principal: Principal | undefined, q: ListAssetsQueryDto): Promise<Page<AssetEntity>> {
    const reader = readerOf(principal);
    if (q.mine && !reader) throw CommonErrors.unauthenticated();
    const opdId = q.opd ? (await this.opds.idsByCode([q.opd])).get(q.opd) : undefined;
    // A tag that normalises to nothing (e.g. `'`) is carried by no asset: the filter still applies.
    const tag = q.tag === undefined ? undefined : normalizeTags([q.tag])[0];
    if ((q.opd && !opdId) || (q.tag !== undefined && !tag)) {
      return { items: [], total: 0, page: q.page, limit: q.limit };
    }
    const [items, total] = await this.repo.findPage(
      reader,
      {
        opdId,
        type: q.type,
        status: q.status ?? (q.mine ? undefined : 'published'),
        tag,
        authorId: q.mine ? reader?.userId : undefined,
        copId: q.cop,
      },
      q.page,
      q.limit,
    );
    return { items, total, page: q.page, limit: q.limit };
  }

  async create(principal: Principal, dto: CreateAssetDto): Promise<AssetEntity> {
    const opdId = await this.owningOpd(principal, dto.opdCode);
    const coAuthors = [...new Set(dto.coAuthorIds ?? [])].filter((id) => id !== principal.userId);
    await this.content.assertActiveUsers(coAuthors, 'coAuthorIds');
    const asset = new AssetEntity();
    Object.assign(asset, {
      type: dto.type,
      title: dto.title,
      summary: '',
      sections: {},
      body: '',
      tags: [],
      opdId,
      copId: null,
      authorIds: [principal.userId, ...coAuthors],
      narasumberId: null,
      seciMode: null,
      visibility: 'internal',
      status: 'draft',
      createdBy: principal.userId,
    });
    await this.content.apply(principal, asset, dto);
    asset.completeness = computeCompleteness({ ...asset, attachmentCount: 0 }).score;
    return this.ds.transaction(async (tx) => {
      await this.idempotency.markApplied(tx);
      const saved = await tx.getRepository(AssetEntity).save(asset);
      await this.repo.recordTransition(tx, saved.id, {
        action: 'create',
        from: null,
        to: 'draft',
        actorId: principal.userId,
      });
      await this.announce.coAuthorsNamed(tx, saved, coAuthors, principal.userId);
      return saved;
    });
  }

  /**
   * Edits content. Drafts and submissions change in place. A published asset's content changes
   * only through verification: an author's edit becomes (or updates) its pending revision while
   * readers keep the published one; a verifier of the OPD who did not write it publishes their
   * own edit at once, recorded as a `revise` transition and in the audit log.
   */
  async update(principal: Principal, id: string, dto: UpdateAssetDto): Promise<AssetEntity> {
    return this.ds.transaction(async (tx) => {
      const { asset, reader } = await this.lockForEdit(tx, principal, id);
      if (dto.expectedVersion !== undefined && dto.expectedVersion !== asset.version) {
        throw AssetErrors.versionConflict(asset.version);
      }
      if (asset.status === 'published' && asset.authorIds.includes(reader.userId)) {
        await this.revisions.propose(tx, principal, asset, dto);
        return asset;
      }
      if (asset.status === 'published') await this.revisions.assertNonePending(tx, asset.id);
      await this.content.apply(principal, asset, dto);
      const attachmentCount = await this.repo.attachmentCount(tx, asset.id);
      asset.completeness = computeCompleteness({ ...asset, attachmentCount }).score;
      asset.version += 1;
      asset.updatedAt = new Date();
      if (asset.status === 'published') await this.revisions.publishOwnEdit(tx, asset, reader);
      if (asset.status === 'published' && dto.narasumberId !== undefined) {
        await announceInterview(tx, asset);
        await this.announce.narasumberNamed(tx, asset, reader.userId);
      }
      return tx.getRepository(AssetEntity).save(asset);
    });
  }

  /** Authorship changes only here (an author may add or remove co-authors, never leave none). */
  async setAuthors(principal: Principal, id: string, authorIds: string[]): Promise<AssetEntity> {
    const unique = [...new Set(authorIds)];
    await this.content.assertActiveUsers(unique, 'authorIds');
    return this.ds.transaction(async (tx) => {
      const { asset } = await this.lockForEdit(tx, principal, id, true);
      const added = unique.filter((u) => !asset.authorIds.includes(u));
      asset.authorIds = unique;
      asset.version += 1;
      asset.updatedAt = new Date();
      if (asset.status === 'published') await touchSearch(tx, [asset.id]);
      await this.announce.coAuthorsNamed(tx, asset, added, principal.userId);
      return tx.getRepository(AssetEntity).save(asset);
    });
  }

  /** Drafts and submissions are deleted (files removed by a durable job); published ones are archived. */
  async remove(principal: Principal, id: string): Promise<void> {
    await this.ds.transaction(async (tx) => {
      const { asset, reader } = await this.lockForEdit(tx, principal, id, true);
      if (asset.status === 'published') {
        asset.status = 'archived';
        asset.archivedAt = new Date();
        asset.updatedAt = new Date();
        await tx.getRepository(AssetEntity).save(asset);
        await this.repo.recordTransition(tx, asset.id, {
          action: 'archive',
          from: 'published',
          to: 'archived',
          actorId: reader.userId,
        });
        await touchSearch(tx, [asset.id]);
        return;
      }
      const keys = await tx.query<{ key: string }[]>(
        `SELECT storage_key AS key FROM attachments WHERE asset_id = $1`,
        [asset.id],
      );
      await tx.query(`DELETE FROM assets WHERE id = $1`, [asset.id]);
      for (const { key } of keys) {
        await this.jobs.enqueue(tx, QUEUES.storageDelete, { key });
      }
    });
  }

  /**
   * Loads and locks an asset the caller may edit: unreadable → 404, readable but not editable
   * (or, with `authorOnly`, not an author) → 403, archived → 409.
   */
  async lockForEdit(
    tx: EntityManager,
    principal: Principal,
    id: string,
    authorOnly = false,
  ): Promise<{ asset: AssetEntity; reader: Reader }> {
    const reader = readerOf(principal)!;
    const asset = await this.repo.lockReadable(tx, id, reader);
    if (asset.status === 'archived') throw AssetErrors.invalidTransition(asset.status, 'edit');
    if (authorOnly ? !isAuthor(asset, reader) : !mayEdit(asset, reader)) {
      throw CommonErrors.forbidden();
    }
    return { asset, reader };
  }

  private async owningOpd(principal: Principal, code: string | undefined): Promise<string> {
    if (!code) return principal.opdId;
    const opdId = (await this.opds.idsByCode([code])).get(code);
    if (!opdId) throw AssetErrors.fieldProblem('opdCode', 'unknown_opd');
    if (!filesUnderOpd(principal, opdId)) {
      throw AssetErrors.fieldProblem('opdCode', 'not_your_opd');
    }
    return opdId;
  }
}
