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
} from '@lumbung/platform';
import type { Principal } from '@lumbung/identity';
import { mayEdit, type Reader, readablePredicate, readerOf } from '../assets/asset-access';
import { AssetErrors } from '../assets/asset.errors';
import { AssetEntity } from '../assets/asset.entity';
import { AssetsRepository } from '../assets/assets.repository';
import { STORAGE_DELETE_QUEUE } from '../assets/assets.service';
import { computeCompleteness } from '../assets/completeness';
import { scanWithClamd } from './antivirus';
import { AttachmentErrors } from './attachment.errors';
import { extensionMatches, type Sniffed, sniffFile } from './content/sniff';
import { sanitizeDisplayName } from './display-name';
import { discard, type ReceivedFile, receiveFiles } from './upload-receiver';
import { touchSearch } from '../search/search-sync';

export const EXTRACT_QUEUE = 'attachment.extract';
export const SCAN_QUEUE = 'attachment.scan';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface AttachmentRow {
  id: string;
  asset_id: string;
  storage_key: string;
  display_name: string;
  kind: string;
  mime: string;
  size_bytes: string;
  sha256: string;
  scan_status: string;
  text_status: string;
  created_at: Date;
}

interface Checked extends ReceivedFile {
  sniffed: Sniffed;
  displayName: string;
  scanStatus: 'not_scanned' | 'clean' | 'pending_scan';
}

/**
 * Safe attachments: type decided by content and matched to the extension, SHA-256 dedupe per
 * asset, optional clamd scan before anyone else sees a file, extraction queued durably.
 */
@Injectable()
export class AttachmentsService {
  private readonly logger = new Logger('Attachments');

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly storage: BlobStorage,
    private readonly jobs: JobsService,
    private readonly assets: AssetsRepository,
  ) {}

  async upload(
    principal: Principal,
    assetId: string,
    req: Request,
    res: Response,
  ): Promise<string[]> {
    const reader = readerOf(principal)!;
    // Access is decided before a single byte is stored.
    await this.editableAsset(assetId, reader, this.ds.manager);
    const received = await receiveFiles(req, res, this.storage, this.config.storage.maxUploadBytes);
    let checked: Checked[];
    try {
      checked = await this.check(received);
    } catch (error) {
      await discard(received);
      throw error;
    }
    return this.store(reader, assetId, checked);
  }

  /** One readable, visible attachment with its storage key (for download). */
  async readable(principal: Principal | undefined, id: string): Promise<AttachmentRow> {
    const reader = readerOf(principal);
    const row = UUID.test(id) ? await this.findVisible(id, reader) : undefined;
    if (!row) throw CommonErrors.notFound();
    return row;
  }

  async remove(principal: Principal, id: string): Promise<void> {
    const reader = readerOf(principal)!;
    const row = UUID.test(id) ? await this.findVisible(id, reader) : undefined;
    if (!row) throw CommonErrors.notFound();
    await this.ds.transaction(async (tx) => {
      const asset = await this.editableAsset(row.asset_id, reader, tx);
      await tx.query(`DELETE FROM attachments WHERE id = $1`, [row.id]);
      await this.jobs.enqueue(tx, STORAGE_DELETE_QUEUE, { key: row.storage_key });
      await this.refreshCompleteness(tx, asset);
    });
  }

  private async findVisible(
    id: string,
    reader: Reader | undefined,
  ): Promise<AttachmentRow | undefined> {
    const pred = readablePredicate('a', reader);
    const qb = this.ds
      .createQueryBuilder()
      .select('f.*')
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
    assetId: string,
    reader: Reader,
    m: EntityManager,
  ): Promise<AssetEntity> {
    const asset = UUID.test(assetId) ? await this.assets.findReadable(assetId, reader, m) : null;
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

  /** Moves files into the store and records them; the same bytes twice give one attachment. */
  private async store(reader: Reader, assetId: string, files: Checked[]): Promise<string[]> {
    const adopted: string[] = [];
    try {
      return await this.ds.transaction(async (tx) => {
        const asset = await this.editableAsset(assetId, reader, tx);
        await tx.query(`SELECT 1 FROM assets WHERE id = $1 FOR UPDATE`, [asset.id]);
        const ids: string[] = [];
        for (const f of files) {
          const [existing] = await tx.query<{ id: string }[]>(
            `SELECT id FROM attachments WHERE asset_id = $1 AND sha256 = $2`,
            [asset.id, f.sha256],
          );
          if (existing) {
            await discard([f]);
            if (!ids.includes(existing.id)) ids.push(existing.id);
            continue;
          }
          const key = await this.storage.adopt(f.path);
          adopted.push(key);
          const [row] = await tx.query<{ id: string }[]>(
            `INSERT INTO attachments (asset_id, storage_key, display_name, kind, mime, size_bytes, sha256,
                                      scan_status, text_status, uploaded_by)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
            [
              asset.id,
              key,
              f.displayName,
              f.sniffed.kind,
              f.sniffed.mime,
              f.size,
              f.sha256,
              f.scanStatus,
              ['mp4', 'png', 'jpeg'].includes(f.sniffed.kind) ? 'not_applicable' : 'pending',
              reader.userId,
            ],
          );
          ids.push(row.id);
          if (f.scanStatus === 'pending_scan') {
            await this.jobs.enqueue(tx, SCAN_QUEUE, { attachmentId: row.id }, { maxAttempts: 20 });
          } else {
            await this.jobs.enqueue(tx, EXTRACT_QUEUE, { attachmentId: row.id });
          }
        }
        await this.refreshCompleteness(tx, asset);
        return ids;
      });
    } catch (error) {
      await Promise.all(adopted.map((k) => this.storage.delete(k)));
      await discard(files);
      throw error;
    }
  }

  private async refreshCompleteness(tx: EntityManager, asset: AssetEntity): Promise<void> {
    const attachmentCount = await this.assets.attachmentCount(asset.id, tx);
    const { score } = computeCompleteness({ ...asset, attachmentCount });
    await tx.query(`UPDATE assets SET completeness = $2, updated_at = now() WHERE id = $1`, [
      asset.id,
      score,
    ]);
    if (asset.status === 'published') await touchSearch(tx, [asset.id]);
  }
}
