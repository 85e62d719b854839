import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig, JobRunner } from '@lumbung/platform';

/** Drives the job runner: runs due jobs, then sleeps the poll interval when there were none. */
@Injectable()
export class JobPoller implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('JobPoller');
  private stopped = false;
  private loop?: Promise<void>;
  private wake?: () => void;

  constructor(
    private readonly runner: JobRunner,
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
        processed = await this.runner.runOnce();
      } catch (err) {
        this.logger.error({ err }, 'job loop failed');
      }
      if (processed === 0) await this.sleep(this.config.worker.pollIntervalMs);
    }
  }
}
