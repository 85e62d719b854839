import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig, BlobStorage } from '@lumbung/platform';

export interface SweepReport {
  /** Stored objects looked at. */
  readonly scanned: number;
  /** Objects older than the grace period that no attachment row names, removed. */
  readonly orphansRemoved: number;
  /** Temp files of uploads cut off mid-way, removed. */
  readonly tempRemoved: number;
  /** Attachment rows (older than the grace period) whose file is missing: reported, not changed. */
  readonly rowsWithoutFile: readonly string[];
}

const BATCH = 500;

/**
 * Removes files no attachment (asset file or meeting evidence) refers to: left by an API killed
 * between storing a file and committing its row, or by a failed delete. Only files older than
 * STORAGE_ORPHAN_GRACE_MS are touched, so an upload still between those two steps is safe. Rows
 * whose file is gone are reported (they need a person: the bytes cannot be recreated).
 */
@Injectable()
export class OrphanFileSweeper {
  private readonly logger = new Logger('OrphanFileSweeper');

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly storage: BlobStorage,
  ) {}

  async sweep(options: { dryRun?: boolean; now?: Date } = {}): Promise<SweepReport> {
    const cutoff = new Date(
      (options.now ?? new Date()).getTime() - this.config.storage.orphanGraceMs,
    );
    const present = new Set<string>();
    let scanned = 0;
    let orphansRemoved = 0;
    let batch: string[] = [];
    const flush = async (): Promise<void> => {
      for (const key of await this.unreferenced(batch)) {
        if (!options.dryRun) await this.storage.delete(key);
        orphansRemoved += 1;
      }
      batch = [];
    };
    for await (const object of this.storage.list()) {
      scanned += 1;
      present.add(object.key);
      if (object.modifiedAt >= cutoff) continue;
      batch.push(object.key);
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    const tempRemoved = options.dryRun ? 0 : await this.storage.purgeTemp(cutoff);
    const rowsWithoutFile = await this.rowsWithoutFile(present, cutoff);
    const report = { scanned, orphansRemoved, tempRemoved, rowsWithoutFile };
    if (orphansRemoved > 0 || tempRemoved > 0 || rowsWithoutFile.length > 0) {
      this.logger.warn(
        { ...report, rowsWithoutFile: rowsWithoutFile.slice(0, 20), dryRun: !!options.dryRun },
        'storage sweep found orphans',
      );
    }
    return report;
  }

  private async unreferenced(keys: string[]): Promise<string[]> {
    if (keys.length === 0) return [];
    const rows = await this.ds.query<{ key: string }[]>(
      `SELECT storage_key AS key FROM attachments WHERE storage_key = ANY($1)`,
      [keys],
    );
    const referenced = new Set(rows.map((r) => r.key));
    return keys.filter((k) => !referenced.has(k));
  }

  private async rowsWithoutFile(present: Set<string>, cutoff: Date): Promise<string[]> {
    const rows = await this.ds.query<{ id: string; key: string }[]>(
      `SELECT id, storage_key AS key FROM attachments WHERE created_at < $1 ORDER BY created_at`,
      [cutoff],
    );
    return rows.filter((r) => !present.has(r.key)).map((r) => r.id);
  }
}
