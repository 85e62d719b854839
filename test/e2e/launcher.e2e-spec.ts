import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { demoLogins } from '@lumbung/identity';
import { freePort } from '../../apps/cli/src/local/free-port';

const ROOT = resolve(__dirname, '../..');

interface Started {
  child: ChildProcess;
  output: () => string;
  base: string;
}

/** A launcher's environment: its own data folder and embedded services, not the test run's. */
function launcherEnv(dataDir: string, port: number, extra: NodeJS.ProcessEnv = {}) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LUMBUNG_DATA_DIR: dataDir,
    PORT: String(port),
    LOG_LEVEL: 'warn',
    ...extra,
  };
  delete env.DATABASE_URL;
  delete env.MEILI_HOST;
  delete env.MEILI_MASTER_KEY;
  delete env.NODE_ENV;
  return env;
}

/** Spawns a launcher and waits (bounded) for its banner. */
async function launch(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  port: number,
): Promise<Started> {
  const child = spawn(command, args, { cwd: ROOT, env });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  const deadline = Date.now() + 180_000;
  while (!out.includes('Lumbung is running at')) {
    if (child.exitCode !== null) throw new Error(`${command} exited early:\n${out}`);
    if (Date.now() > deadline) throw new Error(`${command} timed out:\n${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { child, output: () => out, base: `http://127.0.0.1:${port}` };
}

/** Runs the real `start` command (what `npm start` runs after building) on its own data folder. */
function start(dataDir: string, port: number): Promise<Started> {
  return launch(
    process.execPath,
    ['dist/apps/cli/src/main.js', 'start'],
    launcherEnv(dataDir, port),
    port,
  );
}

async function stop(s: Started): Promise<number | null> {
  const exited = new Promise<number | null>((r) => s.child.once('exit', (code) => r(code)));
  s.child.kill('SIGTERM');
  return exited;
}

/** Processes whose command line or environment mention the data folder (servers, API, worker). */
function processesUsing(dataDir: string): string[] {
  return pidsUsing(dataDir).map((p) => `pid ${p.pid}: ${p.what}`);
}

function pidsUsing(dataDir: string): { pid: number; what: string }[] {
  const ps = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  const byArgs = ps
    .split('\n')
    .filter((l) => l.includes(dataDir))
    .map((l) => ({ pid: Number(l.trim().split(/\s+/)[0]), what: l.trim() }))
    .filter((p) => p.pid !== process.pid && !p.what.includes(' ps '));
  const byEnv = readdirSync('/proc')
    .filter((pid) => /^\d+$/.test(pid) && Number(pid) !== process.pid)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/environ`, 'latin1').includes(
          `LUMBUNG_DATA_DIR=${dataDir}\0`,
        );
      } catch {
        return false;
      }
    })
    .map((pid) => ({ pid: Number(pid), what: `${commandOf(pid)} (environment)` }));
  const seen = new Set<number>();
  return [...byArgs, ...byEnv].filter((p) => !seen.has(p.pid) && seen.add(p.pid));
}

function commandOf(pid: string): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'latin1').split('\0').join(' ').trim();
  } catch {
    return '?';
  }
}

/** Waits (bounded) until nothing uses the data folder any more; returns what is left. */
async function leftovers(dataDir: string, waitMs = 20_000): Promise<string[]> {
  const deadline = Date.now() + waitMs;
  while (Date.now() < deadline && pidsUsing(dataDir).length > 0) {
    await new Promise((r) => setTimeout(r, 200));
  }
  return processesUsing(dataDir);
}

/** After a failed assertion: stop whatever a broken shutdown left running, gently first. */
async function killAll(dataDir: string): Promise<void> {
  for (const p of pidsUsing(dataDir)) signal(p.pid, 'SIGTERM');
  if ((await leftovers(dataDir, 15_000)).length === 0) return;
  for (const p of pidsUsing(dataDir)) signal(p.pid, 'SIGKILL');
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

async function loginStatus(base: string, username: string, password: string): Promise<number> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return res.status;
}

async function signIn(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'Lumbung#2025' }),
  });
  return ((await res.json()) as { accessToken: string }).accessToken;
}

describe('npm start: the whole portal on embedded defaults', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'lumbung-start-'));
  chmodSync(dataDir, 0o755);

  beforeAll(() => {
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'ignore' });
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts, serves health and demo logins, stops cleanly, and keeps data across restarts', async () => {
    const port = await freePort();
    const first = await start(dataDir, port);
    try {
      expect(first.output()).toContain('demo data seeded');
      expect(first.output()).toContain('admin@lumbung.test');
      // Quiet: the banner, then warnings and errors only (no start-up chatter at info level).
      expect(first.output()).not.toMatch(/"level":30|InstanceLoader|RouterExplorer|\bLOG\b/);
      const health = await fetch(`${first.base}/api/v1/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok', database: 'up', search: 'up' });
      // The portal, built by npm run build, on the printed URL.
      expect(first.output()).toContain(`Portal:    ${first.base}/`);
      const portal = await fetch(`${first.base}/`);
      expect(portal.status).toBe(200);
      expect(await portal.text()).toContain('<div id="root"></div>');
      for (const l of demoLogins()) {
        expect({
          email: l.email,
          status: await loginStatus(first.base, l.email, 'Lumbung#2025'),
        }).toEqual({
          email: l.email,
          status: 200,
        });
      }
      // The demo year seeds exactly two anomalies (a campaign month on one DISHUB asset and one
      // account dominating it for a day): the rules flag those and nothing else.
      const token = await signIn(first.base, 'assessor@lumbung.test');
      const anomalies = await fetch(`${first.base}/api/v1/metrics/anomalies?year=2025`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(
        ((await anomalies.json()) as { kind: string; opdCode: string; period: string }[]).map(
          (a) => `${a.kind}:${a.opdCode}:${a.period}`,
        ),
      ).toEqual(['spike:DISHUB:2025-08', 'concentration:DISHUB:2025-08-14']);
    } finally {
      expect(await stop(first)).toBe(0);
    }
    expect(processesUsing(dataDir)).toEqual([]);

    const second = await start(dataDir, port);
    try {
      expect(second.output()).toContain('0 migrations applied now');
      expect(second.output()).not.toContain('demo data seeded');
      expect(await loginStatus(second.base, 'asn.dinkes@lumbung.test', 'Lumbung#2025')).toBe(200);
    } finally {
      expect(await stop(second)).toBe(0);
    }
    expect(processesUsing(dataDir)).toEqual([]);
  });
});

/** The exit code, or 'still running' if the process has not exited within `waitMs`. */
function exitOf(child: ChildProcess, waitMs = 60_000): Promise<number | string | null> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve(child.exitCode ?? child.signalCode);
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('still running'), waitMs);
    child.once('exit', (code, sig) => {
      clearTimeout(timer);
      resolve(code ?? sig);
    });
  });
}

/**
 * Resolves when every writer of the child's output pipes is gone and what they wrote has been
 * read (the launcher outlives npm when npm is killed, and writes to the same pipes).
 */
function outputEnded(child: ChildProcess, waitMs = 10_000): Promise<void> {
  const closed = (stream: NodeJS.ReadableStream | null) =>
    new Promise<void>((resolve) => {
      if (!stream || (stream as { closed?: boolean }).closed) return resolve();
      stream.once('close', () => resolve());
    });
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    Promise.all([closed(child.stdout), closed(child.stderr)]).then(() => undefined),
    new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs))),
  ]).finally(() => clearTimeout(timer));
}

/** `npm start` itself, as a person or a process manager runs it, on a fresh data folder. */
function npmStart(dataDir: string, port: number): Promise<Started> {
  // No demo data: this is about processes, and seeding is the slow part of a first start.
  return launch('npm', ['start'], launcherEnv(dataDir, port, { SEED_DEMO: 'false' }), port);
}

/** A first start on a fresh folder (initdb, migrations, API boot) takes a while on a busy machine. */
const SIGNAL_TEST_MS = 300_000;

describe('npm start stops everything on a signal to the npm process itself', () => {
  const dirs: string[] = [];
  const freshDir = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'lumbung-signal-'));
    chmodSync(dir, 0o755);
    dirs.push(dir);
    return dir;
  };
  afterAll(async () => {
    for (const dir of dirs) {
      await killAll(dir);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each(['SIGTERM', 'SIGINT'] as const)(
    '%s to npm stops PostgreSQL, Meilisearch, the API and the worker, then says so',
    async (name) => {
      const dataDir = freshDir();
      const started = await npmStart(dataDir, await freePort());
      const running = processesUsing(dataDir).join('\n');
      // What must stop: both servers (by their data folders), the API and the worker.
      expect(running).toContain(join(dataDir, 'pg'));
      expect(running).toContain(join(dataDir, 'meili'));
      expect(running).toContain('apps/api/src/main.js');
      expect(running).toContain('apps/worker/src/main.js');
      started.child.kill(name);
      expect(await stopped(started, dataDir)).toEqual({
        exit: 0,
        left: [],
        lastLine: 'Lumbung stopped.',
      });
      expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
    },
    SIGNAL_TEST_MS,
  );

  it(
    'a server that stopped first (Ctrl-C signals the whole group) does not hang the stop',
    async () => {
      const dataDir = freshDir();
      const started = await npmStart(dataDir, await freePort());
      const pidFile = join(dataDir, 'pg', 'postmaster.pid');
      const postgres = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
      signal(postgres, 'SIGINT');
      for (let i = 0; i < 150 && existsSync(pidFile); i++)
        await new Promise((r) => setTimeout(r, 200));
      expect(existsSync(pidFile)).toBe(false);
      started.child.kill('SIGTERM');
      expect(await stopped(started, dataDir)).toEqual({
        exit: 0,
        left: [],
        lastLine: 'Lumbung stopped.',
      });
    },
    SIGNAL_TEST_MS,
  );

  it(
    'the launcher killed outright (SIGKILL): its guardian stops what it started',
    async () => {
      const dataDir = freshDir();
      const started = await npmStart(dataDir, await freePort());
      const launcher = pidsUsing(dataDir).find((p) =>
        p.what.includes('apps/cli/src/main.js start'),
      );
      expect(launcher).toBeDefined();
      signal(launcher!.pid, 'SIGKILL');
      await exitOf(started.child);
      const left = await leftovers(dataDir, 60_000);
      expect(left.length === 0 ? left : [...left, started.output()]).toEqual([]);
      // Stopped cleanly (a fast shutdown removes its pid file; a killed server leaves it).
      expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
    },
    SIGNAL_TEST_MS,
  );

  it(
    'npm killed outright (SIGKILL): the launcher notices it was orphaned and stops everything',
    async () => {
      const dataDir = freshDir();
      const started = await npmStart(dataDir, await freePort());
      started.child.kill('SIGKILL');
      const left = await leftovers(dataDir, 60_000);
      expect(left.length === 0 ? left : [...left, started.output()]).toEqual([]);
      await outputEnded(started.child);
      expect(started.output()).toContain('Lumbung stopped.');
    },
    SIGNAL_TEST_MS,
  );
});

/** Waits for `npm start` to exit after a signal; what it exited with and what it left behind. */
async function stopped(
  started: Started,
  dataDir: string,
): Promise<{ exit: number | string | null; left: string[]; lastLine?: string; output?: string }> {
  const exit = await exitOf(started.child);
  const left = await leftovers(dataDir);
  await outputEnded(started.child);
  const lastLine = started.output().trimEnd().split('\n').at(-1);
  const ok = exit === 0 && left.length === 0 && lastLine === 'Lumbung stopped.';
  // On a mismatch the whole output shows in the diff.
  return ok ? { exit, left, lastLine } : { exit, left, lastLine, output: started.output() };
}
