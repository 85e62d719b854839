const { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } = require('node:fs');
const { join, resolve } = require('node:path');

const ROOT = resolve(__dirname, '../..');
/** Where the portal's browser journeys write their screenshots (test/web/support/portal.ts). */
const SCREENSHOTS = join(ROOT, 'test-results/screenshots');

/** The closing lines: the slowest files, the screenshots folder, and `N passed, N failed`. */
function closingLines({ passed, failed, shots, timings }) {
  const slowest = [...timings]
    .sort((a, b) => b.seconds - a.seconds)
    .slice(0, 12)
    .map((t) => `  ${t.seconds.toFixed(1).padStart(7)} s  ${t.file}`)
    .join('\n');
  return (
    `Slowest test files:\n${slowest}\n` +
    (shots > 0 ? `Screenshots (${shots}): ${SCREENSHOTS}\n` : '') +
    `${passed} passed, ${failed} failed\n`
  );
}

/**
 * Ends every run with the plain line CI reads: `N passed, N failed`. Jest prints its own summary
 * after custom reporters, so the line is written when the process exits, as the very last line.
 * Before it, the folder of the screenshots this run took, if it took any, and the slowest test
 * files (all of them in test-results/timings.json), so the run's length can be kept in check.
 * Under test/support/run-jest.mjs (LUMBUNG_JEST_SUMMARY names a file) the numbers go to that
 * file instead, and the runner prints one closing for all its phases.
 */
class SummaryReporter {
  onRunStart() {
    this.startedAt = Date.now();
  }

  onRunComplete(_contexts, results) {
    const shots = existsSync(SCREENSHOTS)
      ? readdirSync(SCREENSHOTS).filter(
          (f) => statSync(join(SCREENSHOTS, f)).mtimeMs >= (this.startedAt ?? 0),
        ).length
      : 0;
    const summary = {
      passed: results.numPassedTests,
      failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
      shots,
      timings: results.testResults.map((r) => ({
        file: r.testFilePath.slice(ROOT.length + 1),
        seconds: Math.round((r.perfStats.end - r.perfStats.start) / 100) / 10,
      })),
    };
    mkdirSync(join(ROOT, 'test-results'), { recursive: true });
    if (process.env.LUMBUNG_JEST_SUMMARY) {
      writeFileSync(process.env.LUMBUNG_JEST_SUMMARY, JSON.stringify(summary));
      return;
    }
    writeFileSync(
      join(ROOT, 'test-results/timings.json'),
      JSON.stringify(summary.timings, null, 1),
    );
    process.once('exit', () => process.stdout.write(closingLines(summary)));
  }
}
module.exports = SummaryReporter;
module.exports.closingLines = closingLines;
