import { DataSource, type DataSourceOptions, type EntitySchema } from 'typeorm';
import { types } from 'pg';
import { MIGRATIONS } from './migrations';
import { TimeoutSafeClient } from './timeout-safe-client';

// Calendar dates stay 'YYYY-MM-DD' strings: parsing them into Dates at local midnight shifts them
// by the server's time zone.
types.setTypeParser(types.builtins.DATE, (value: string) => value);

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type EntityRef = Function | EntitySchema;

/** Pool bounds (AppConfig.database.pool); migrations and CLI commands run without query limits. */
export interface PoolLimits {
  readonly max: number;
  readonly connectTimeoutMs: number;
  readonly statementTimeoutMs: number;
  readonly queryTimeoutMs: number;
}

/** The pg options that keep a stalled or restarting PostgreSQL from holding requests unboundedly. */
export function poolOptions(limits: PoolLimits): Record<string, unknown> {
  return {
    max: limits.max,
    // pg-pool applies this both to opening a connection and to waiting for a free one, so the
    // queue of waiting requests drains within this time even while the server is paused.
    connectionTimeoutMillis: limits.connectTimeoutMs,
    ...(limits.statementTimeoutMs > 0 ? { statement_timeout: limits.statementTimeoutMs } : {}),
    ...(limits.queryTimeoutMs > 0 ? { query_timeout: limits.queryTimeoutMs } : {}),
    application_name: 'lumbung',
    // A connection whose query timed out is closed, never reused mid-transaction (see the class).
    ...(limits.queryTimeoutMs > 0 ? { Client: TimeoutSafeClient } : {}),
  };
}

/** One source of truth for TypeORM options: migrations only, never synchronize. */
export function dataSourceOptions(
  url: string,
  entities: EntityRef[] = [],
  limits?: PoolLimits,
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra: limits
      ? poolOptions(limits)
      : { max: 10, connectionTimeoutMillis: 5000, application_name: 'lumbung' },
  };
}

/** Applies pending migrations in one transaction; returns the names it ran. */
export async function runMigrations(url: string): Promise<string[]> {
  const ds = new DataSource(dataSourceOptions(url));
  await ds.initialize();
  try {
    const ran = await ds.runMigrations({ transaction: 'all' });
    return ran.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}

/** The name the newest migration of this build is recorded under (backups compare it). */
export function migrationHead(): string {
  const Last = MIGRATIONS[MIGRATIONS.length - 1];
  return new Last().name ?? Last.name;
}

/** True when the database lacks a migration this build knows about. */
export async function hasPendingMigrations(ds: DataSource): Promise<boolean> {
  return ds.showMigrations();
}
