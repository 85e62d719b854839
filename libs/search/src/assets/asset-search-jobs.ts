import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  APP_CONFIG,
  type AppConfig,
  claimPeriodicRun,
  JobRunner,
  JobsService,
  putAppMeta,
  QUEUES,
} from '@lumbung/platform';
import { AssetIndex, MEETING_DOC_PREFIX } from '../asset-index';
import { SynonymsService } from '../synonyms.service';
import { AssetProjection } from './asset-projection';
import { touchSearch } from '@lumbung/knowledge';

export const SEARCH_DRIFT_CHECK_MS = 10 * 60_000;
/** While syncs are still queued (a first indexing), the check looks again this soon. */
export const SEARCH_DRIFT_RECHECK_MS = 30_000;

export interface DriftReport {
  checkedAt: string;
  indexed: number;
  searchable: number;
  /** Drift: documents missing, stale or extra with no sync queued for them. */
  missing: number;
  stale: number;
  extra: number;
  /** Assets whose sync is queued or running (indexing in progress, not drift). */
  pending: number;
  repaired: number;
}

/**
 * The worker side of search: delivers `search.asset` jobs in batches (re-reading PostgreSQL, one
 * upsert and one delete task per batch, both checked), applies index settings at start and when
 * synonyms change, and repairs drift on a schedule.
 */
@Injectable()
export class AssetSearchJobs implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('SearchSync');
  private timer?: NodeJS.Timeout;
  private recheck?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly runner: JobRunner,
    private readonly jobs: JobsService,
    private readonly index: AssetIndex,
    private readonly projection: AssetProjection,
    private readonly synonyms: SynonymsService,
  ) {}

  onModuleInit(): void {
    this.runner.registerBatch({
      queue: QUEUES.searchAsset,
      // Large batches: one Meilisearch task per 5,000 documents keeps bulk changes near raw speed.
      batchSize: 10_000,
      handleBatch: (payloads) => this.sync(payloads.map((p) => p.assetId)),
    });
    this.runner.register({ queue: QUEUES.searchSettings, handle: () => this.applySettings() });
    this.runner.register({
      queue: QUEUES.userRenamed,
      handle: async (p) => {
        const rows = await this.ds.query<{ id: string }[]>(
          `SELECT id FROM knowledge_search_assets WHERE status = 'published' AND author_ids @> ARRAY[$1::uuid]`,
          [p.userId],
        );
        await touchSearch(
          this.ds.manager,
          rows.map((r) => r.id),
        );
      },
    });
  }

  /** Settings are applied (and checked) when the worker starts; drift is checked on a schedule. */
  async onApplicationBootstrap(): Promise<void> {
    if (this.config.worker.pollIntervalMs === 0) return;
    await this.applySettings().catch((err: unknown) => {
      this.logger.warn({ err: String(err) }, 'search settings not applied yet; queued for retry');
      return this.jobs.enqueue(
        this.ds.manager,
        QUEUES.searchSettings,
        {},
        { dedupeKey: 'settings' },
      );
    });
    // With several workers, one of them checks each round (the claim is shared in PostgreSQL).
    const check = (everyMs: number): void =>
      void claimPeriodicRun(this.ds, 'search-drift', everyMs)
        .then((mine) => (mine ? this.checkDrift() : undefined))
        .then((report) => {
          // A first indexing is still going: report again once it has moved on, not in 10 minutes.
          if (report && report.pending > 0 && !this.recheck) {
            this.recheck = setTimeout(() => {
              this.recheck = undefined;
              check(SEARCH_DRIFT_RECHECK_MS);
            }, SEARCH_DRIFT_RECHECK_MS);
            this.recheck.unref();
          }
        })
        .catch((err: unknown) => this.logger.warn({ err: String(err) }, 'drift check failed'));
    check(SEARCH_DRIFT_CHECK_MS);
    this.timer = setInterval(() => check(SEARCH_DRIFT_CHECK_MS), SEARCH_DRIFT_CHECK_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
    clearTimeout(this.recheck);
  }

  async applySettings(uid?: string): Promise<void> {
    await this.index.ensure(await this.synonyms.sets(), uid);
  }

  /** Idempotent: whatever the order or repetition of jobs, the index ends as PostgreSQL says. */
  async sync(assetIds: string[]): Promise<void> {
    const ids = [...new Set(assetIds)];
    // Each chunk goes to Meilisearch as soon as it is built, so indexing starts while the rest
    // is read (Meilisearch batches the chunks that queue up meanwhile into one run); then all
    // their tasks are checked together.
    const found = new Set<string>();
    const sent: Promise<number[]>[] = [];
    for await (const docs of this.projection.documentChunks(ids)) {
      for (const d of docs) found.add(d.id);
      const enqueued = this.index.send(docs);
      enqueued.catch(() => undefined); // awaited below; never an unhandled rejection meanwhile
      sent.push(enqueued);
    }
    await this.index.settleAll((await Promise.all(sent)).flat());
    await this.index.remove(ids.filter((id) => !found.has(id)));
  }

  /**
   * Compares PostgreSQL (ids and version stamps of searchable assets) with the index and queues
   * a sync for every missing, stale or extra document. Documents whose sync is already queued or
   * running are indexing in progress (a first start queues every asset), reported as `pending`,
   * not as drift. The result is kept for /health.
   */
  async checkDrift(): Promise<DriftReport> {
    const [expected, all] = await Promise.all([
      this.projection.searchableStamps(),
      this.index.stamps(),
    ]);
    // Meeting minutes share the index; their owner keeps them in step.
    const indexed = new Map([...all].filter(([id]) => !id.startsWith(MEETING_DOC_PREFIX)));
    const missing = [...expected.keys()].filter((id) => !indexed.has(id));
    const stale = [...expected]
      .filter(([id, stamp]) => indexed.has(id) && indexed.get(id) !== stamp)
      .map(([id]) => id);
    const extra = [...indexed.keys()].filter((id) => !expected.has(id));
    // Assets with a sync already queued or running are in flight, not drifted.
    const inFlight = new Set(await this.jobs.inFlight(QUEUES.searchAsset, 'assetId'));
    const drifted = (ids: string[]): string[] => ids.filter((id) => !inFlight.has(id));
    const repair = [...drifted(missing), ...drifted(stale), ...drifted(extra)];
    await touchSearch(this.ds.manager, repair);
    const report: DriftReport = {
      checkedAt: new Date().toISOString(),
      indexed: indexed.size,
      searchable: expected.size,
      missing: drifted(missing).length,
      stale: drifted(stale).length,
      extra: drifted(extra).length,
      pending: inFlight.size,
      repaired: repair.length,
    };
    await putAppMeta(this.ds, 'search_drift', report);
    if (repair.length > 0) this.logger.warn(report, 'search drift repaired');
    return report;
  }

  /**
   * Rebuilds the index from PostgreSQL into a fresh index and swaps it in atomically; the live
   * index keeps answering searches throughout.
   */
  async rebuild(
    progress: (done: number, total: number) => void = () => undefined,
  ): Promise<number> {
    const sets = await this.synonyms.sets();
    await this.index.ensure(sets);
    const fresh = `${this.index.uid}_${Date.now()}`;
    await this.index.ensure(sets, fresh);
    const ids = [...(await this.projection.searchableStamps()).keys()];
    progress(0, ids.length);
    for (let i = 0; i < ids.length; i += 1000) {
      const docs = await this.projection.documents(ids.slice(i, i + 1000));
      await this.index.upsert([...docs.values()], fresh);
      progress(Math.min(i + 1000, ids.length), ids.length);
    }
    await this.index.swapIn(fresh);
    // Other owners of documents (meeting minutes) re-deliver theirs into the new index.
    await this.jobs.enqueue(this.ds.manager, QUEUES.searchRebuilt, {}, { dedupeKey: 'rebuilt' });
    // Changes made while the fresh index was filling went to the old one: catch them up.
    await this.checkDrift();
    return ids.length;
  }
}
