import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig, JobRunner, JobsService } from '@lumbung/platform';

/** How often done jobs past their retention are deleted (and once at start). */
const PURGE_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Drives the job runner: runs due jobs, then sleeps the poll interval when there were none.
 * Once an hour (and at start) it deletes done jobs older than JOBS_RETENTION_DAYS, so the table
 * does not grow forever.
 */
@Injectable()
export class JobPoller implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('JobPoller');
  private stopped = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private purgedAt = 0;

  constructor(
    private readonly runner: JobRunner,
    private readonly jobs: JobsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.worker.pollIntervalMs > 0) this.loop = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
  }

  /** Sleeps, but wakes at once on shutdown. */
  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      let processed = 0;
      try {
        await this.purge();
        processed = await this.runner.runOnce();
      } catch (err) {
        this.logger.error({ err }, 'job loop failed');
      }
      if (processed === 0) await this.sleep(this.config.worker.pollIntervalMs);
    }
  }

  private async purge(): Promise<void> {
    if (Date.now() - this.purgedAt < PURGE_INTERVAL_MS) return;
    this.purgedAt = Date.now();
    const deleted = await this.jobs.purgeFinished(this.config.jobs.retentionDays);
    if (deleted > 0) this.logger.log({ deleted }, 'old done jobs deleted');
  }
}
