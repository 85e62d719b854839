// npm run test:jest: every suite, in two phases.
//
// 1. Most suites in parallel (two Jest workers; the machines here have two cores, and one suite
//    at a time leaves about half of them idle while it waits on Chromium, PostgreSQL or
//    Meilisearch). Each suite has its own database, index prefix, portal and browser.
// 2. Then, one at a time, the suites that build dist/ or start whole stacks of processes and
//    hold them to time bounds (fault drills, two APIs and two workers, the launcher, backups):
//    run beside others they would rebuild the portal under a browser journey or starve.
//
// With arguments (`npm run test:jest -- test/e2e/search`), Jest runs once, in band, with them.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const { closingLines } = createRequire(import.meta.url)('./summary-reporter.js');
const JEST = [
  '--experimental-vm-modules',
  join(ROOT, 'node_modules/jest/bin/jest.js'),
  '--config',
  join(ROOT, 'test/jest.config.js'),
];
/** Suites that must run alone (see above). */
export const SERIAL = [
  'test/e2e/fault-drills.e2e-spec.ts',
  'test/e2e/launcher.e2e-spec.ts',
  'test/e2e/storage-migrate.e2e-spec.ts',
  'test/integration/several-processes.int-spec.ts',
  'test/integration/backup-restore.int-spec.ts',
];

function jest(args, summaryFile) {
  const env = { ...process.env, ...(summaryFile ? { LUMBUNG_JEST_SUMMARY: summaryFile } : {}) };
  const result = spawnSync(process.execPath, [...JEST, ...args], {
    cwd: ROOT,
    env,
    stdio: 'inherit',
  });
  return result.status ?? 1;
}

const extra = process.argv.slice(2);
if (extra.length > 0) process.exit(jest(['--runInBand', ...extra]));

const dir = join(ROOT, 'test-results');
mkdirSync(dir, { recursive: true });
const phases = [
  { name: 'parallel', args: ['--maxWorkers=2', '--testPathIgnorePatterns', ...SERIAL] },
  { name: 'serial', args: ['--runInBand', ...SERIAL] },
];
let code = 0;
const summaries = [];
for (const phase of phases) {
  const file = join(dir, `summary-${phase.name}.json`);
  rmSync(file, { force: true });
  code = jest(phase.args, file) || code;
  try {
    summaries.push(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    // Jest stopped before reporting (a crash in global setup): count it as a failure.
    summaries.push({ passed: 0, failed: 1, shots: 0, timings: [] });
  }
}
const all = {
  passed: summaries.reduce((n, s) => n + s.passed, 0),
  failed: summaries.reduce((n, s) => n + s.failed, 0),
  shots: summaries.reduce((n, s) => n + s.shots, 0),
  timings: summaries.flatMap((s) => s.timings),
};
writeFileSync(join(dir, 'timings.json'), JSON.stringify(all.timings, null, 1));
process.stdout.write(closingLines(all));
process.exit(code || (all.failed > 0 ? 1 : 0));
