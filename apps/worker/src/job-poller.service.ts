import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { Client } from 'pg';
import { APP_CONFIG, type AppConfig, JobRunner, JobsService } from '@lumbung/platform';

/** How often done jobs past their retention are deleted (and once at start). */
const PURGE_INTERVAL_MS = 60 * 60 * 1000;
/** The channel the jobs table notifies on insert (migration JobsNotify). */
export const JOBS_CHANNEL = 'lumbung_jobs';
/** How long to wait before listening again after the connection was lost. */
const RELISTEN_MS = 5_000;

/**
 * Drives the job runner: runs due jobs, then sleeps the poll interval when there were none, and
 * wakes at once when a job is inserted (LISTEN on the jobs channel, so a publish reaches search
 * in milliseconds, not a poll later). Polling alone carries on while that connection is down.
 * Once an hour (and at start) it deletes done jobs older than JOBS_RETENTION_DAYS, so the table
 * does not grow forever.
 */
@Injectable()
export class JobPoller implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('JobPoller');
  private stopped = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  /** A job arrived while the loop was busy: run again before sleeping. */
  private nudged = false;
  private listener?: Client;
  private relisten?: NodeJS.Timeout;
  private purgedAt = 0;

  constructor(
    private readonly runner: JobRunner,
    private readonly jobs: JobsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.worker.pollIntervalMs <= 0) return;
    this.loop = this.run();
    void this.listen();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.relisten);
    this.wake?.();
    await this.listener?.end().catch(() => undefined);
    await this.loop;
  }

  /** Wakes the loop now (a job was inserted). */
  private nudge(): void {
    this.nudged = true;
    this.wake?.();
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({
      connectionString: this.config.database.url,
      application_name: 'lumbung-worker-listen',
    });
    this.listener = client;
    const retry = (err: unknown) => {
      if (this.stopped || this.listener !== client) return;
      this.listener = undefined;
      this.logger.warn({ err: String(err) }, 'job notifications lost; polling until back');
      void client.end().catch(() => undefined);
      this.relisten = setTimeout(() => void this.listen(), RELISTEN_MS);
      this.relisten.unref();
    };
    client.on('error', retry);
    client.on('end', () => retry('connection ended'));
    client.on('notification', () => this.nudge());
    try {
      await client.connect();
      await client.query(`LISTEN ${JOBS_CHANNEL}`);
      // Whatever was inserted while not listening is picked up now.
      this.nudge();
    } catch (err) {
      retry(err);
    }
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
      this.nudged = false;
      try {
        await this.purge();
        processed = await this.runner.runOnce();
      } catch (err) {
        this.logger.error({ err }, 'job loop failed');
      }
      if (processed === 0 && !this.nudged && !this.stopped)
        await this.sleep(this.config.worker.pollIntervalMs);
    }
  }

  private async purge(): Promise<void> {
    if (Date.now() - this.purgedAt < PURGE_INTERVAL_MS) return;
    this.purgedAt = Date.now();
    const deleted = await this.jobs.purgeFinished(this.config.jobs.retentionDays);
    if (deleted > 0) this.logger.log({ deleted }, 'old done jobs deleted');
  }
}
