/**
 * Ends every run with the plain line CI reads: `N passed, N failed`. Jest prints its own summary
 * after custom reporters, so the line is written when the process exits, as the very last line.
 */
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const line = `${results.numPassedTests} passed, ${failed} failed\n`;
    process.once('exit', () => process.stdout.write(line));
  }
}
module.exports = SummaryReporter;
