import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { UsageEventsModule } from '@lumbung/metrics';
import {
  type AppConfig,
  ConfigModule,
  DatabaseModule,
  JobsModule,
  PlatformModule,
  StorageModule,
} from '@lumbung/platform';
import { AssetSearchJobs, SearchModule, SearchWorkerModule } from '@lumbung/search';
import { progressBar } from './progress';

/**
 * `npm run search:reindex`: rebuilds the search index from PostgreSQL into a fresh index and
 * swaps it in atomically; searches keep answering from the old index until the swap.
 */
export async function reindex(config: AppConfig): Promise<void> {
  const count = await rebuildSearchIndex(config, progressBar);
  process.stdout.write(`\nSearch index rebuilt with ${count} assets and swapped in.\n`);
}

/** The rebuild itself (also the last step of a restore); returns how many assets it indexed. */
export async function rebuildSearchIndex(
  config: AppConfig,
  progress?: (done: number, total: number) => void,
): Promise<number> {
  @Module({
    imports: [
      ConfigModule.forRoot({ ...config, worker: { pollIntervalMs: 0 } }),
      DatabaseModule,
      PlatformModule,
      JobsModule,
      StorageModule,
      SearchModule,
      UsageEventsModule,
      SearchWorkerModule,
    ],
  })
  class ReindexModule {}
  const app = await NestFactory.createApplicationContext(ReindexModule, {
    logger: ['error', 'warn'],
  });
  try {
    return await app.get(AssetSearchJobs).rebuild(progress);
  } finally {
    await app.close();
  }
}
