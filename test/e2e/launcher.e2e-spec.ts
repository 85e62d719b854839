import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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

/** Runs the real `start` command (what `npm start` runs after building) on its own data folder. */
async function start(dataDir: string, port: number): Promise<Started> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LUMBUNG_DATA_DIR: dataDir,
    PORT: String(port),
    LOG_LEVEL: 'warn',
  };
  // The launcher must bring up its own embedded services, not reuse the test run's.
  delete env.DATABASE_URL;
  delete env.MEILI_HOST;
  delete env.MEILI_MASTER_KEY;
  delete env.NODE_ENV;
  const child = spawn(process.execPath, ['dist/apps/cli/src/main.js', 'start'], { cwd: ROOT, env });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (out += c.toString()));
  const deadline = Date.now() + 90_000;
  while (!out.includes('Lumbung is running at')) {
    if (child.exitCode !== null) throw new Error(`start exited early:\n${out}`);
    if (Date.now() > deadline) throw new Error(`start timed out:\n${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { child, output: () => out, base: `http://127.0.0.1:${port}` };
}

async function stop(s: Started): Promise<number | null> {
  const exited = new Promise<number | null>((r) => s.child.once('exit', (code) => r(code)));
  s.child.kill('SIGTERM');
  return exited;
}

/** Processes whose command line or environment mention the data folder (servers, API, worker). */
function processesUsing(dataDir: string): string[] {
  const ps = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' });
  const byArgs = ps.split('\n').filter((l) => l.includes(dataDir));
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
    });
  return [...byArgs, ...byEnv.map((pid) => `pid ${pid} (environment)`)];
}

async function loginStatus(base: string, username: string, password: string): Promise<number> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return res.status;
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
