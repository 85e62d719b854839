import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { type BlobStorage, dataSourceOptions, runMigrations } from '@lumbung/platform';
import { seedDemoCops } from '@lumbung/community';
import { UsageRollupService } from '@lumbung/metrics';
import { seedDemoData, syncReferenceData } from '@lumbung/identity';
import { DEMO_USAGE_RANGE, seedDemoYear } from '../demo/demo-year';
import { seedDemoRisk } from '../demo/demo-risk';

/** Creates the database on a server when it is missing (local/embedded servers only). */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}

export interface PrepareResult {
  migrations: string[];
  opdsAdded: number;
  demoSeeded: boolean;
}

/**
 * Migrations, then reference data, then (outside production, once) demo data. With `storage`, the
 * demo's attachments are written there (without it the demo has no files).
 */
export async function prepareDatabase(
  url: string,
  demo: { seed: boolean; password: string; /** Default: with `seed`. */ demoYear?: boolean },
  storage?: BlobStorage,
): Promise<PrepareResult> {
  const migrations = await runMigrations(url);
  const ds = new DataSource(dataSourceOptions(url));
  await ds.initialize();
  try {
    const result = await ds.transaction(async (m) => {
      const opdsAdded = await syncReferenceData(m);
      const demoSeeded = demo.seed ? await seedDemoData(m, demo.password) : false;
      if (demo.seed) await seedDemoCops(m);
      const demoYear = demo.seed && (demo.demoYear ?? true) && (await seedDemoYear(m, storage));
      if (demo.seed) await seedDemoRisk(m);
      return { migrations, opdsAdded, demoSeeded, demoYear };
    });
    // The demo year's usage goes through the same rollups as live events.
    if (result.demoYear)
      await new UsageRollupService(ds).rebuild(DEMO_USAGE_RANGE.from, DEMO_USAGE_RANGE.to);
    return { migrations, opdsAdded: result.opdsAdded, demoSeeded: result.demoSeeded };
  } finally {
    await ds.destroy();
  }
}
