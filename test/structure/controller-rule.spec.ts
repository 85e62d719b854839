import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '../..');

/** Runs dependency-cruiser (as `npm run boundaries` does) with only the named rule on a folder. */
function violations(rule: string, folder: string): string[][] {
  const dir = mkdtempSync(join(tmpdir(), 'depcruise-'));
  try {
    const config = join(dir, 'config.cjs');
    writeFileSync(
      config,
      `const base = require(${JSON.stringify(join(root, '.dependency-cruiser.cjs'))});
       module.exports = {
         forbidden: base.forbidden.filter((r) => r.name === ${JSON.stringify(rule)}),
         options: { ...base.options, exclude: { path: '^dist/' } },
       };`,
    );
    let out: string;
    try {
      out = execFileSync(
        process.execPath,
        [
          join(root, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'),
          folder,
          '--config',
          config,
          '--output-type',
          'json',
        ],
        { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
      );
    } catch (error) {
      // Violations make the CLI exit non-zero; its JSON report is still on stdout.
      out = (error as { stdout: string }).stdout;
    }
    const report = JSON.parse(out) as {
      summary: { violations: { from: string; to: string; rule: { name: string } }[] };
    };
    return report.summary.violations.map((v) => [
      v.rule.name,
      v.from.replace(/^.*\//, ''),
      v.to.includes('node_modules/typeorm/') ? 'typeorm' : v.to.replace(/^.*\//, ''),
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('the controllers-only-translate boundary rule', () => {
  it('flags a controller importing the DataSource or a repository, and not a service doing so', () => {
    expect(
      violations('controllers-only-translate', 'test/structure/fixtures/controller-rule').sort(),
    ).toEqual([
      ['controllers-only-translate', 'things.controller.ts', 'things.repository.ts'],
      ['controllers-only-translate', 'things.controller.ts', 'typeorm'],
    ]);
  });
});
