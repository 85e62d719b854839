import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  APP_CONFIG,
  type AppConfig,
  BlobStorage,
  JobRunner,
  JobsService,
  QUEUES,
} from '@lumbung/platform';
import { scanWithClamd } from './antivirus';
import { DEFAULT_EXTRACT_LIMITS, type ExtractResult, extractText } from './content/extract-text';
import type { AttachmentKind } from './content/sniff';
import { touchSearch } from '../assets/search-sync';

interface Row {
  id: string;
  assetId: string | null;
  meetingId: string | null;
  storageKey: string;
  sizeBytes: string;
  kind: AttachmentKind;
  textStatus: string;
  scanStatus: string;
}

/**
 * Worker-side attachment jobs, all idempotent: text extraction (a failure marks the file
 * unreadable, never loses it), deferred virus scans, and removal of deleted files' bytes.
 */
@Injectable()
export class AttachmentJobs implements OnModuleInit {
  private readonly logger = new Logger('AttachmentJobs');

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly storage: BlobStorage,
    private readonly runner: JobRunner,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    this.runner.register({
      queue: QUEUES.attachmentExtract,
      handle: (p) => this.extract(p.attachmentId),
    });
    this.runner.register({
      queue: QUEUES.attachmentScan,
      handle: (p) => this.rescan(p.attachmentId),
    });
    this.runner.register({
      queue: QUEUES.storageDelete,
      handle: (p) => this.storage.delete(p.key),
    });
  }

  async extract(id: string): Promise<void> {
    const row = await this.row(id);
    if (!row || row.textStatus !== 'pending') return;
    // A remote store's object is copied to scratch first (PDF and ZIP parsing need random
    // access), so a file too large to extract is refused before it is copied.
    const result: ExtractResult =
      Number(row.sizeBytes) > DEFAULT_EXTRACT_LIMITS.maxFileBytes
        ? { status: 'unreadable', reason: 'too_large' }
        : await this.storage.withLocalFile(row.storageKey, (path) => extractText(path, row.kind));
    if (result.status === 'extracted') {
      await this.ds.query(
        `UPDATE attachments SET text_status = 'extracted', extracted_text = $2, text_error = NULL
          WHERE id = $1 AND text_status = 'pending'`,
        [id, result.text],
      );
    } else {
      const status = result.status === 'not_applicable' ? 'not_applicable' : 'unreadable';
      const reason = result.status === 'unreadable' ? result.reason : null;
      await this.ds.query(
        `UPDATE attachments SET text_status = $2, text_error = $3 WHERE id = $1 AND text_status = 'pending'`,
        [id, status, reason],
      );
      if (reason) this.logger.warn({ attachmentId: id, reason }, 'attachment text unreadable');
    }
    // The text is searched with its asset (the sync drops it when the asset is not searchable).
    if (row.assetId) await touchSearch(this.ds.manager, [row.assetId]);
    if (row.meetingId) {
      await this.jobs.enqueue(
        this.ds.manager,
        QUEUES.searchMeeting,
        { meetingId: row.meetingId },
        { dedupeKey: row.meetingId },
      );
    }
  }

  /** Retries a scan that could not run at upload; throwing makes the job retry with backoff. */
  async rescan(id: string): Promise<void> {
    const row = await this.row(id);
    if (!row || row.scanStatus !== 'pending_scan') return;
    const av = this.config.antivirus;
    const host = av.host;
    if (!host) throw new Error('scanner not configured');
    const verdict = await this.storage.withLocalFile(row.storageKey, (path) =>
      scanWithClamd(path, { host, port: av.port, timeoutMs: av.timeoutMs }),
    );
    if (verdict.result === 'error') throw new Error(`scan failed: ${verdict.reason}`);
    await this.ds.transaction(async (tx) => {
      if (verdict.result === 'infected') {
        await tx.query(`DELETE FROM attachments WHERE id = $1`, [id]);
        await this.jobs.enqueue(tx, QUEUES.storageDelete, { key: row.storageKey });
        this.logger.warn(
          { attachmentId: id, signature: verdict.signature },
          'infected file removed',
        );
        return;
      }
      await tx.query(`UPDATE attachments SET scan_status = 'clean' WHERE id = $1`, [id]);
      await this.jobs.enqueue(tx, QUEUES.attachmentExtract, { attachmentId: id });
    });
  }

  private async row(id: string): Promise<Row | undefined> {
    const [row] = await this.ds.query<Row[]>(
      `SELECT id, asset_id AS "assetId", meeting_id AS "meetingId", storage_key AS "storageKey",
              size_bytes AS "sizeBytes", kind, text_status AS "textStatus", scan_status AS "scanStatus"
         FROM attachments WHERE id = $1`,
      [id],
    );
    return row;
  }
}
