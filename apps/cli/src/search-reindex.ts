import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AssetSearchJobs, KnowledgeWorkerModule } from '@lumbung/knowledge';
import {
  type AppConfig,
  ConfigModule,
  DatabaseModule,
  JobsModule,
  PlatformModule,
  StorageModule,
} from '@lumbung/platform';
import { SearchModule } from '@lumbung/search';

function progressBar(done: number, total: number): void {
  const width = 30;
  const share = total === 0 ? 1 : done / total;
  const filled = Math.round(share * width);
  process.stdout.write(
    `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}% ${done}/${total}`,
  );
}

/**
 * `npm run search:reindex`: rebuilds the search index from PostgreSQL into a fresh index and
 * swaps it in atomically; searches keep answering from the old index until the swap.
 */
export async function reindex(config: AppConfig): Promise<void> {
  @Module({
    imports: [
      ConfigModule.forRoot({ ...config, worker: { pollIntervalMs: 0 } }),
      DatabaseModule,
      PlatformModule,
      JobsModule,
      StorageModule,
      SearchModule,
      KnowledgeWorkerModule,
    ],
  })
  class ReindexModule {}
  const app = await NestFactory.createApplicationContext(ReindexModule, {
    logger: ['error', 'warn'],
  });
  try {
    const count = await app.get(AssetSearchJobs).rebuild(progressBar);
    process.stdout.write(`\nSearch index rebuilt with ${count} assets and swapped in.\n`);
  } finally {
    await app.close();
  }
}
