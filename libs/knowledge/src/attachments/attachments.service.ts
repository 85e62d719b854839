import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { DataSource, type EntityManager } from 'typeorm';
import {
  APP_CONFIG,
  type AppConfig,
  BlobStorage,
  CommonErrors,
  JobsService,
  isUuid,
  OneAtATime,
  QUEUES,
  Slots,
  SlotsBusy,
} from '@lumbung/platform';
import type { Principal } from '@lumbung/identity';
import { type Reader, readablePredicate, readerOf } from '../assets/asset-read.rule';
import { mayEdit } from '../assets/asset.policy';
import { AssetErrors } from '../assets/asset.errors';
import { AssetEntity } from '../assets/asset.entity';
import { AssetsRepository } from '../assets/assets.repository';
import { computeCompleteness } from '../assets/completeness';
import { scanWithClamd } from './antivirus';
import { AttachmentErrors } from './attachment.errors';
import { extensionMatches, sniffFile } from './content/sniff';
import { sanitizeDisplayName } from './display-name';
import { discard, type ReceivedFile, receiveFiles } from './upload-receiver';
import { type CheckedFile, recordAttachments } from './attachment-records';
import { touchSearch } from '../assets/search-sync';
import type { UsageAsset } from '../usage/asset-usage.recorder';

/** Who may read and change evidence files of CoP meetings (owned by the community context). */
export interface MeetingFileGuard {
  canRead(principal: Principal, meetingId: string): Promise<boolean>;
  /** Inside a transaction, reads on `tx` (a second pool connection could deadlock a busy pool). */
  canWrite(
    tx: EntityManager | undefined,
    principal: Principal,
    meetingId: string,
  ): Promise<boolean>;
}

export interface AttachmentRow {
  id: string;
  assetId: string | null;
  meetingId: string | null;
  storageKey: string;
  displayName: string;
  kind: string;
  mime: string;
  sizeBytes: string;
  sha256: string;
  scanStatus: string;
  textStatus: string;
  createdAt: Date;
}

/** The select list of an `AttachmentRow` from `attachments <alias>`. */
const attachmentColumns = (f: string): string =>
  `${f}.id, ${f}.asset_id AS "assetId", ${f}.meeting_id AS "meetingId", ${f}.storage_key AS "storageKey",
   ${f}.display_name AS "displayName", ${f}.kind, ${f}.mime, ${f}.size_bytes AS "sizeBytes", ${f}.sha256,
   ${f}.scan_status AS "scanStatus", ${f}.text_status AS "textStatus", ${f}.created_at AS "createdAt"`;

type Checked = CheckedFile;

/**
 * Safe attachments: type decided by content and matched to the extension, SHA-256 dedupe per
 * asset, optional clamd scan before anyone else sees a file, extraction queued durably.
 */
/** How long a refused upload is told to wait before it tries again. */
const UPLOADS_BUSY_RETRY_SECONDS = 5;

@Injectable()
export class AttachmentsService {
  private readonly logger = new Logger('Attachments');
  private meetingGuard?: MeetingFileGuard;
  private readonly ownerTurns = new OneAtATime();
  private readonly bodySlots: Slots;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly storage: BlobStorage,
    private readonly jobs: JobsService,
    private readonly assets: AssetsRepository,
  ) {
    // A waiting upload is refused before Node's request timeout could cut it (408 and a dropped
    // connection): it waits at most half that timeout, leaving the other half to send its body.
    this.bodySlots = new Slots(config.storage.uploadConcurrency, {
      maxWaiting: config.storage.uploadQueue,
      maxWaitMs: Math.floor(config.http.requestTimeoutMs / 2),
    });
  }

  async upload(
    principal: Principal,
    assetId: string,
    req: Request,
    res: Response,
  ): Promise<string[]> {
    const reader = readerOf(principal)!;
    // Access is decided before a single byte is stored.
    await this.editableAsset(this.ds.manager, assetId, reader);
    const checked = await this.receiveChecked(req, res);
    return this.store(checked, reader.userId, `asset:${assetId}`, async (tx) => {
      const asset = await this.editableAsset(tx, assetId, reader);
      await tx.query(`SELECT 1 FROM assets WHERE id = $1 FOR UPDATE`, [asset.id]);
      return { column: 'asset_id', id: asset.id, after: () => this.refreshCompleteness(tx, asset) };
    });
  }

  /**
   * Evidence files of another owner (a CoP meeting), through the same pipeline. The owning
   * context has already decided the caller may write; inside the transaction `recheck` locks the
   * meeting (its table is the owner's) and checks again, on the transaction it is given.
   */
  async uploadForMeeting(
    uploaderId: string,
    meetingId: string,
    req: Request,
    res: Response,
    recheck: (tx: EntityManager) => Promise<void>,
  ): Promise<string[]> {
    const checked = await this.receiveChecked(req, res);
    return this.store(checked, uploaderId, `meeting:${meetingId}`, async (tx) => {
      await recheck(tx);
      return { column: 'meeting_id', id: meetingId, after: () => Promise.resolve() };
    });
  }

  /** Registers who may read and change files of non-asset owners (set by the community context). */
  registerMeetingGuard(guard: MeetingFileGuard): void {
    this.meetingGuard = guard;
  }

  private async receiveChecked(req: Request, res: Response): Promise<Checked[]> {
    // Bodies are read a few at a time per process; a waiting upload's socket stays paused.
    // Refused here, the body is never read: Node discards it as it arrives once the 503 is sent,
    // so the client gets the answer instead of a reset connection.
    const received = await this.bodySlots
      .run(() => receiveFiles(req, res, this.storage, this.config.storage.maxUploadBytes))
      .catch((error: unknown) => {
        if (error instanceof SlotsBusy) throw AttachmentErrors.busy(UPLOADS_BUSY_RETRY_SECONDS);
        throw error;
      });
    try {
      return await this.check(received);
    } catch (error) {
      await discard(received);
      throw error;
    }
  }

  /**
   * A file the caller may download, with its asset's usage facts (for the `download` event) read
   * in the same query; meeting evidence has no asset.
   */
  async readable(
    principal: Principal | undefined,
    id: string,
  ): Promise<{ file: AttachmentRow; asset?: UsageAsset }> {
    const row = await this.visible(principal, id);
    if (!row) throw CommonErrors.notFound();
    const { usageAsset: asset, ...file } = row as AttachmentRow & { usageAsset?: UsageAsset };
    return { file, ...(asset ? { asset } : {}) };
  }

  async remove(principal: Principal, id: string): Promise<void> {
    const row = await this.visible(principal, id);
    if (!row) throw CommonErrors.notFound();
    await this.ds.transaction(async (tx) => {
      if (row.meetingId) {
        if (!(await this.meetingGuard?.canWrite(tx, principal, row.meetingId)))
          throw CommonErrors.forbidden();
      }
      const asset = row.assetId
        ? await this.editableAsset(tx, row.assetId, readerOf(principal)!)
        : undefined;
      await tx.query(`DELETE FROM attachments WHERE id = $1`, [row.id]);
      await this.jobs.enqueue(tx, QUEUES.storageDelete, { key: row.storageKey });
      if (asset) await this.refreshCompleteness(tx, asset);
    });
  }

  /** An attachment the caller may see: by its asset's rules, or its meeting owner's guard. */
  private async visible(
    principal: Principal | undefined,
    id: string,
  ): Promise<AttachmentRow | undefined> {
    if (!isUuid(id)) return undefined;
    const reader = readerOf(principal);
    const byAsset = await this.findVisible(id, reader);
    if (byAsset) return byAsset;
    const [row] = await this.ds.query<AttachmentRow[]>(
      `SELECT ${attachmentColumns('f')} FROM attachments f WHERE id = $1 AND meeting_id IS NOT NULL
          AND (scan_status <> 'pending_scan' OR uploaded_by = $2::uuid)`,
      [id, reader?.userId ?? null],
    );
    if (!row || !principal || !(await this.meetingGuard?.canRead(principal, row.meetingId!)))
      return undefined;
    return row;
  }

  private async findVisible(
    id: string,
    reader: Reader | undefined,
  ): Promise<AttachmentRow | undefined> {
    const pred = readablePredicate('a', reader);
    const qb = this.ds
      .createQueryBuilder()
      .select(attachmentColumns('f'))
      .addSelect(
        `json_build_object('id', a.id, 'opdId', a.opd_id, 'copId', a.cop_id, 'status', a.status,
                           'authorIds', a.author_ids, 'createdBy', a.created_by,
                           'narasumberId', a.narasumber_id)`,
        'usageAsset',
      )
      .from('attachments', 'f')
      .innerJoin('assets', 'a', 'a.id = f.asset_id')
      .where('f.id = :id', { id })
      .andWhere(pred.sql, pred.params)
      .andWhere(`(f.scan_status <> 'pending_scan' OR f.uploaded_by = :me::uuid)`, {
        me: reader?.userId ?? null,
      });
    return qb.getRawOne<AttachmentRow>();
  }

  private async editableAsset(
    m: EntityManager,
    assetId: string,
    reader: Reader,
  ): Promise<AssetEntity> {
    const asset = isUuid(assetId) ? await this.assets.findReadable(m, assetId, reader) : null;
    if (!asset) throw CommonErrors.notFound();
    if (asset.status === 'archived') throw AssetErrors.invalidTransition(asset.status, 'attach');
    if (!mayEdit(asset, reader)) throw CommonErrors.forbidden();
    return asset;
  }

  /** Sniffs every file (all must pass, or none is kept) and scans when clamd is configured. */
  private async check(files: ReceivedFile[]): Promise<Checked[]> {
    const out: Checked[] = [];
    for (const file of files) {
      const displayName = sanitizeDisplayName(file.originalName);
      const sniffed = await sniffFile(file.path);
      if (!sniffed) throw AttachmentErrors.unsupportedType(displayName);
      if (!extensionMatches(sniffed.kind, displayName)) {
        throw AttachmentErrors.extensionMismatch(displayName, sniffed.kind);
      }
      out.push({
        ...file,
        sniffed,
        displayName,
        scanStatus: await this.scan(file.path, displayName),
      });
    }
    return out;
  }

  private async scan(path: string, name: string): Promise<Checked['scanStatus']> {
    const av = this.config.antivirus;
    if (!av.host) return 'not_scanned';
    const verdict = await scanWithClamd(path, {
      host: av.host,
      port: av.port,
      timeoutMs: av.timeoutMs,
    });
    if (verdict.result === 'infected') {
      this.logger.warn(
        { name, signature: verdict.signature },
        'upload_validation infected file refused',
      );
      throw AttachmentErrors.infected(name);
    }
    if (verdict.result === 'error') {
      this.logger.warn({ reason: verdict.reason }, 'virus scan unavailable; file kept pending');
      return 'pending_scan';
    }
    return 'clean';
  }

  /**
   * Moves files into the store and records them for one owner; the same bytes twice give one
   * attachment. `owner` locks and re-checks the owner inside the transaction.
   *
   * The files move into the store before the transaction opens: moving a 50 MB file (or sending
   * it to a bucket) while holding the owner's row lock and a pool connection made concurrent
   * uploads to one asset queue on that lock with every connection held, and the rest of the API
   * waited out the pool (503). A crash between the move and the commit leaves a stored file no
   * row names, which the orphan sweep removes; a refused or duplicate file is deleted at once.
   */
  private async store(
    files: Checked[],
    uploaderId: string,
    ownerKey: string,
    owner: (
      tx: EntityManager,
    ) => Promise<{ column: 'asset_id' | 'meeting_id'; id: string; after: () => Promise<void> }>,
  ): Promise<string[]> {
    const adopted: string[] = [];
    let found: { ids: string[]; recorded: string[] };
    try {
      for (const f of files) adopted.push(await this.storage.adopt(f.path, { sha256: f.sha256 }));
      // Uploads to one owner take its row lock in turn; waiting here holds no pool connection.
      const record = () =>
        this.ds.transaction(async (tx) => {
          const { column, id, after } = await owner(tx);
          const rows = await recordAttachments(
            tx,
            { column, id, uploaderId },
            files,
            adopted,
            (q, attachmentId, scanFirst) =>
              scanFirst
                ? this.jobs.enqueue(q, QUEUES.attachmentScan, { attachmentId }, { maxAttempts: 20 })
                : this.jobs.enqueue(q, QUEUES.attachmentExtract, { attachmentId }),
          );
          await after();
          return rows;
        });
      found = await this.ownerTurns.run(ownerKey, record);
    } catch (error) {
      await Promise.all(adopted.map((k) => this.storage.delete(k)));
      await discard(files);
      throw error;
    }
    // Bytes the owner already had: the existing attachment is the answer, the copy goes (a copy
    // that fails to go is an orphan the sweep removes).
    const copies = adopted.filter((k) => !found.recorded.includes(k));
    await Promise.all(copies.map((k) => this.storage.delete(k))).catch((error: unknown) =>
      this.logger.warn({ error: String(error) }, 'duplicate upload copy not removed'),
    );
    return found.ids;
  }

  private async refreshCompleteness(tx: EntityManager, asset: AssetEntity): Promise<void> {
    const attachmentCount = await this.assets.attachmentCount(tx, asset.id);
    const { score } = computeCompleteness({ ...asset, attachmentCount });
    await tx.query(`UPDATE assets SET completeness = $2, updated_at = now() WHERE id = $1`, [
      asset.id,
      score,
    ]);
    if (asset.status === 'published') await touchSearch(tx, [asset.id]);
  }
}
