import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { OrphanFileSweeper } from '@lumbung/knowledge';
import {
  type AppConfig,
  ConfigModule,
  DatabaseModule,
  PlatformModule,
  StorageModule,
} from '@lumbung/platform';

/** `node dist/apps/cli/src/main.js storage:sweep [--dry-run]`: one orphan-file sweep, as JSON. */
export async function sweepStorage(config: AppConfig, args: string[]): Promise<void> {
  @Module({
    imports: [ConfigModule.forRoot(config), DatabaseModule, PlatformModule, StorageModule],
    providers: [OrphanFileSweeper],
  })
  class SweepModule {}
  const app = await NestFactory.createApplicationContext(SweepModule, {
    logger: ['error', 'warn'],
  });
  try {
    const report = await app.get(OrphanFileSweeper).sweep({ dryRun: args.includes('--dry-run') });
    process.stdout.write(`${JSON.stringify({ msg: 'storage swept', ...report })}\n`);
  } finally {
    await app.close();
  }
}
