import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig, claimPeriodicRun } from '@lumbung/platform';
import { PseudonymiseService } from './pseudonymise.service';
import { UsageRollupService } from './usage-rollup.service';

const PRIVACY_EVERY_MS = 6 * 3_600_000;

/**
 * In the worker: folds new events every USAGE_ROLLUP_INTERVAL_MS and pseudonymises old ones.
 * With several workers, each day is folded by one of them (UsageRollupService.foldPending) and
 * one of them pseudonymises each round.
 */
@Injectable()
export class UsageRollupScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('UsageRollup');
  private timers: NodeJS.Timeout[] = [];
  private running = false;

  constructor(
    private readonly rollups: UsageRollupService,
    private readonly privacy: PseudonymiseService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly ds: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    const every = this.config.usage.rollupIntervalMs;
    if (every === 0) return;
    const fold = (): void => void this.fold();
    const privacy = (): void =>
      void claimPeriodicRun(this.ds, 'usage-privacy', PRIVACY_EVERY_MS)
        .then((mine) => (mine ? this.privacy.run() : undefined))
        .catch((err: unknown) => this.logger.warn({ err: String(err) }, 'pseudonymisation failed'));
    fold();
    privacy();
    this.timers = [setInterval(fold, every), setInterval(privacy, PRIVACY_EVERY_MS)];
    for (const t of this.timers) t.unref();
  }

  onApplicationShutdown(): void {
    for (const t of this.timers) clearInterval(t);
  }

  private async fold(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.rollups.foldPending();
    } catch (err) {
      this.logger.warn({ err: String(err) }, 'usage rollup failed; retried next interval');
    } finally {
      this.running = false;
    }
  }
}
