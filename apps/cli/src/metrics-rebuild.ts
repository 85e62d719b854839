import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { isDay, MetricsModule, UsageRollupService } from '@lumbung/metrics';
import {
  type AppConfig,
  ConfigModule,
  DatabaseModule,
  JobsModule,
  PlatformModule,
  StorageModule,
} from '@lumbung/platform';
import { SearchModule } from '@lumbung/search';
import { progressBar } from './progress';

/** `--from 2025-01-01 --to 2025-12-31` (WIB days, inclusive). */
export function parseRange(args: string[]): { from: string; to: string } {
  const get = (name: string): string | undefined => {
    const i = args.indexOf(`--${name}`);
    const inline = args.find((a) => a.startsWith(`--${name}=`));
    return inline ? inline.slice(name.length + 3) : i >= 0 ? args[i + 1] : undefined;
  };
  const from = get('from');
  const to = get('to');
  if (!from || !to || !isDay(from) || !isDay(to) || from > to)
    throw new Error('Usage: metrics:rebuild --from YYYY-MM-DD --to YYYY-MM-DD (from ≤ to)');
  return { from, to };
}

/**
 * `npm run metrics:rebuild -- --from … --to …`: recomputes every usage rollup of the range from
 * the append-only raw event log (the reader sets of every period the range touches included).
 */
export async function rebuildMetrics(config: AppConfig, args: string[]): Promise<void> {
  const { from, to } = parseRange(args);
  @Module({
    imports: [
      ConfigModule.forRoot({ ...config, usage: { ...config.usage, rollupIntervalMs: 0 } }),
      DatabaseModule,
      PlatformModule,
      // What the contexts MetricsModule reaches need: jobs (identity), file storage and search
      // (knowledge); search is never called by a rebuild.
      JobsModule,
      StorageModule,
      SearchModule,
      MetricsModule,
    ],
  })
  class RebuildModule {}
  const app = await NestFactory.createApplicationContext(RebuildModule, {
    logger: ['error', 'warn'],
  });
  try {
    const result = await app.get(UsageRollupService).rebuild(from, to, progressBar);
    process.stdout.write(
      `\nUsage rollups rebuilt for ${result.days} days (${result.events} events) from ${from} to ${to}.\n`,
    );
  } finally {
    await app.close();
  }
}
