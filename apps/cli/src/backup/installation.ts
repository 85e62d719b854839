import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type AppConfig, loadConfig } from '@lumbung/platform';
import type * as Local from '../local/local-services';
import { MEILI_ADDRESS_FILE, startMeili } from '../local/meili';
import { ensureDatabase } from '../local/database-setup';
import { diskKeys } from './file-snapshot';
import { BackupError } from './manifest';
import { clearDatabase, databaseHasTables } from './pg-snapshot';

type Env = Readonly<Record<string, string | undefined>>;

/** The embedded PostgreSQL launcher (loaded by the caller: a dev dependency, absent in images). */
export type EmbeddedPostgres = Pick<typeof Local, 'startPostgres' | 'loadOrCreateSecrets'>;

/** The servers a backup reads or a restore fills, with whatever was started for it. */
export interface Installation {
  config: AppConfig;
  /** Stops the servers started for the command (not those of a running portal). */
  stop(): Promise<void>;
}

/** The data folder, as `npm start` uses it. */
export function dataDirOf(env: Env): string {
  return resolve(env.LUMBUNG_DATA_DIR?.trim() || '.lumbung-data');
}

/** The pid and port of a PostgreSQL server running on this data folder, if any. */
function runningPostgres(pgDir: string): { pid: number; port: number } | undefined {
  const file = join(pgDir, 'postmaster.pid');
  if (!existsSync(file)) return undefined;
  const lines = readFileSync(file, 'utf8').split('\n');
  const pid = Number(lines[0]);
  try {
    process.kill(pid, 0);
  } catch {
    return undefined;
  }
  return { pid, port: Number(lines[3]) };
}

async function healthy(host: string): Promise<boolean> {
  try {
    return (await fetch(`${host}/health`, { signal: AbortSignal.timeout(2000) })).ok;
  } catch {
    return false;
  }
}

/**
 * The installation to back up: external servers when DATABASE_URL / MEILI_HOST say so; otherwise
 * the embedded ones of LUMBUNG_DATA_DIR, reached where a running `npm start` serves them or
 * started for the backup (and stopped after it).
 */
export async function openForBackup(env: Env, local?: EmbeddedPostgres): Promise<Installation> {
  const stops: (() => Promise<void>)[] = [];
  const stop = async (): Promise<void> => {
    for (const s of stops.reverse()) await s().catch(() => undefined);
  };
  try {
    const next = { ...env };
    const dataDir = dataDirOf(env);
    if (!env.DATABASE_URL || !env.MEILI_HOST) {
      if (!existsSync(join(dataDir, 'secrets.json')))
        throw new BackupError(`No Lumbung installation in ${dataDir} (no secrets.json)`);
    }
    const secrets = existsSync(join(dataDir, 'secrets.json'))
      ? (JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8')) as Local.LocalSecrets)
      : undefined;
    if (!env.DATABASE_URL) {
      const pgDir = join(dataDir, 'pg');
      const running = runningPostgres(pgDir);
      if (running) {
        next.DATABASE_URL = `postgres://lumbung:${encodeURIComponent(secrets!.pgPassword)}@127.0.0.1:${running.port}/lumbung`;
      } else {
        if (!local) throw new BackupError('The embedded PostgreSQL is not installed here');
        if (!existsSync(join(pgDir, 'PG_VERSION')))
          throw new BackupError(`No database in ${pgDir}`);
        const pg = await local.startPostgres({
          dir: pgDir,
          password: secrets!.pgPassword,
          persistent: true,
        });
        stops.push(() => pg.stop());
        next.DATABASE_URL = pg.urlFor('lumbung');
      }
    }
    if (!env.MEILI_HOST) await useLocalMeili(next, join(dataDir, 'meili'), secrets!, stops);
    return { config: configFor(next, dataDir, secrets), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function useLocalMeili(
  next: Record<string, string | undefined>,
  dir: string,
  secrets: Local.LocalSecrets,
  stops: (() => Promise<void>)[],
): Promise<void> {
  const addressFile = join(dir, MEILI_ADDRESS_FILE);
  const address = existsSync(addressFile) ? readFileSync(addressFile, 'utf8').trim() : undefined;
  if (address && (await healthy(address))) {
    next.MEILI_HOST = address;
  } else {
    const meili = await startMeili({ dir, masterKey: secrets.meiliMasterKey });
    stops.push(() => meili.stop());
    next.MEILI_HOST = meili.host;
  }
  next.MEILI_MASTER_KEY = secrets.meiliMasterKey;
}

function configFor(env: Env, dataDir: string, secrets: Local.LocalSecrets | undefined): AppConfig {
  return loadConfig({
    ...env,
    JWT_SECRET: env.JWT_SECRET ?? secrets?.jwtSecret,
    UPLOAD_DIR: env.UPLOAD_DIR ?? join(dataDir, 'uploads'),
  });
}

/**
 * Refuses a target that holds a database or stored files unless `force`, and then wipes them;
 * refuses a data folder whose PostgreSQL is running either way.
 */
async function emptyRestoreTarget(env: Env, dataDir: string, force: boolean): Promise<void> {
  const uploadDir = resolve(env.UPLOAD_DIR ?? join(dataDir, 'uploads'));
  const pgDir = join(dataDir, 'pg');
  const problems: string[] = [];
  if (env.DATABASE_URL && (await databaseHasTables(env.DATABASE_URL)))
    problems.push('the database has tables');
  if (!env.DATABASE_URL && existsSync(join(pgDir, 'PG_VERSION')))
    problems.push(`${pgDir} holds a database`);
  if (diskKeys(uploadDir).length > 0) problems.push(`${uploadDir} holds files`);
  if (problems.length > 0 && !force)
    throw new BackupError(
      `The target is not empty (${problems.join('; ')}). Restore into an empty installation, or add --force to replace it.`,
    );
  if (!env.DATABASE_URL && runningPostgres(pgDir))
    throw new BackupError(`PostgreSQL is running on ${pgDir}: stop Lumbung first`);
  if (force) {
    if (env.DATABASE_URL && problems.length > 0) await clearDatabase(env.DATABASE_URL);
    if (!env.DATABASE_URL) rmSync(pgDir, { recursive: true, force: true });
    if (!env.MEILI_HOST) rmSync(join(dataDir, 'meili'), { recursive: true, force: true });
    rmSync(join(uploadDir, 'objects'), { recursive: true, force: true });
  }
}

/**
 * The installation to restore into, which must be empty (unless `force`): with DATABASE_URL a
 * database without tables, otherwise a data folder without a database; and no stored files.
 * Embedded servers are created afresh in LUMBUNG_DATA_DIR (new secrets) and stopped after.
 */
export async function openForRestore(
  env: Env,
  force: boolean,
  local?: EmbeddedPostgres,
): Promise<Installation> {
  const dataDir = dataDirOf(env);
  const pgDir = join(dataDir, 'pg');
  await emptyRestoreTarget(env, dataDir, force);
  const stops: (() => Promise<void>)[] = [];
  const stop = async (): Promise<void> => {
    for (const s of stops.reverse()) await s().catch(() => undefined);
  };
  try {
    const next = { ...env };
    const secrets =
      env.DATABASE_URL && env.MEILI_HOST ? undefined : local?.loadOrCreateSecrets(dataDir);
    if (!env.DATABASE_URL) {
      if (!local || !secrets)
        throw new BackupError('The embedded PostgreSQL is not installed here');
      const pg = await local.startPostgres({
        dir: pgDir,
        password: secrets.pgPassword,
        persistent: true,
      });
      stops.push(() => pg.stop());
      await ensureDatabase(pg.adminUrl, 'lumbung');
      next.DATABASE_URL = pg.urlFor('lumbung');
    }
    if (!env.MEILI_HOST) {
      if (!secrets) throw new BackupError('The embedded services are not installed here');
      const meili = await startMeili({
        dir: join(dataDir, 'meili'),
        masterKey: secrets.meiliMasterKey,
      });
      stops.push(() => meili.stop());
      next.MEILI_HOST = meili.host;
      next.MEILI_MASTER_KEY = meili.masterKey;
    }
    return { config: configFor(next, dataDir, secrets), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
