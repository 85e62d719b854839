const { existsSync, readdirSync, statSync } = require('node:fs');
const { join, resolve } = require('node:path');

/** Where the portal's browser journeys write their screenshots (test/web/support/portal.ts). */
const SCREENSHOTS = resolve(__dirname, '../../test-results/screenshots');

/**
 * Ends every run with the plain line CI reads: `N passed, N failed`. Jest prints its own summary
 * after custom reporters, so the line is written when the process exits, as the very last line.
 * Before it, the folder of the screenshots this run took, if it took any.
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
    const lines =
      (shots > 0 ? `Screenshots (${shots}): ${SCREENSHOTS}\n` : '') +
      `${results.numPassedTests} passed, ${failed} failed\n`;
    process.once('exit', () => process.stdout.write(lines));
  }
}
module.exports = SummaryReporter;
