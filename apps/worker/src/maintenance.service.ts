import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { OrphanFileSweeper } from '@lumbung/knowledge';
import { APP_CONFIG, type AppConfig, IdempotencyStore } from '@lumbung/platform';

/**
 * Housekeeping on STORAGE_SWEEP_INTERVAL_MS: removes orphan files (and stale upload temp files)
 * and expired Idempotency-Keys. One run at a time; a failed run is logged and tried next time.
 */
@Injectable()
export class MaintenanceService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Maintenance');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly sweeper: OrphanFileSweeper,
    private readonly idempotency: IdempotencyStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const every = this.config.storage.sweepIntervalMs;
    if (every <= 0) return;
    this.timer = setInterval(() => {
      this.running ??= this.runOnce().finally(() => (this.running = undefined));
    }, every);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  async runOnce(): Promise<void> {
    try {
      const report = await this.sweeper.sweep();
      const expiredKeys = await this.idempotency.purgeExpired();
      this.logger.log(
        { ...report, rowsWithoutFile: report.rowsWithoutFile.length, expiredKeys },
        'maintenance done',
      );
    } catch (err) {
      this.logger.error({ err }, 'maintenance failed');
    }
  }
}
