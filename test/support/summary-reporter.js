const { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } = require('node:fs');
const { join, resolve } = require('node:path');

/** Where the portal's browser journeys write their screenshots (test/web/support/portal.ts). */
const SCREENSHOTS = resolve(__dirname, '../../test-results/screenshots');

/**
 * Ends every run with the plain line CI reads: `N passed, N failed`. Jest prints its own summary
 * after custom reporters, so the line is written when the process exits, as the very last line.
 * Before it, the folder of the screenshots this run took, if it took any, and the slowest test
 * files (all of them in test-results/timings.json), so the run's length can be kept in check.
 */
class SummaryReporter {
  onRunStart() {
    this.startedAt = Date.now();
  }

  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const shots = existsSync(SCREENSHOTS)
      ? readdirSync(SCREENSHOTS).filter(
          (f) => statSync(join(SCREENSHOTS, f)).mtimeMs >= (this.startedAt ?? 0),
        ).length
      : 0;
    const timings = results.testResults
      .map((r) => ({
        file: r.testFilePath.slice(resolve(__dirname, '../..').length + 1),
        seconds: Math.round((r.perfStats.end - r.perfStats.start) / 100) / 10,
      }))
      .sort((a, b) => b.seconds - a.seconds);
    mkdirSync(resolve(SCREENSHOTS, '..'), { recursive: true });
    writeFileSync(resolve(SCREENSHOTS, '../timings.json'), JSON.stringify(timings, null, 1));
    const slowest = timings
      .slice(0, 12)
      .map((t) => `  ${t.seconds.toFixed(1).padStart(7)} s  ${t.file}`)
      .join('\n');
    const lines =
      `Slowest test files:\n${slowest}\n` +
      (shots > 0 ? `Screenshots (${shots}): ${SCREENSHOTS}\n` : '') +
      `${results.numPassedTests} passed, ${failed} failed\n`;
    process.once('exit', () => process.stdout.write(lines));
  }
}
module.exports = SummaryReporter;
