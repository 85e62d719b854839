import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SearchClient } from '@lumbung/search';
import { putAppMeta } from '@lumbung/platform';

const INTERVAL_MS = 30_000;

/** Records that the worker is alive (app_meta.worker_heartbeat) so operators can see it. */
@Injectable()
export class HeartbeatService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Worker');
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly search: SearchClient,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.beat();
    this.logger.log({ search: (await this.search.isHealthy()) ? 'up' : 'down' }, 'worker ready');
    this.timer = setInterval(() => {
      this.beat().catch((err: unknown) => this.logger.warn({ err }, 'heartbeat failed'));
    }, INTERVAL_MS);
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async beat(): Promise<void> {
    await putAppMeta(this.ds, 'worker_heartbeat', { pid: process.pid });
  }
}
