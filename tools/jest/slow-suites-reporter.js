// Lists the slowest test files of a jest run after its results. Under `npm test` (tools/jest/test-all.mjs)
// each project's durations go to the run's timing file instead, and one list for the whole run is
// printed at its end.
const { appendFileSync } = require('node:fs');
const { relative } = require('node:path');

const ROOT = require('node:path').join(__dirname, '..', '..');
const SHOWN = 8;

class SlowSuitesReporter {
  constructor(globalConfig) {
    this.globalConfig = globalConfig;
  }

  onRunComplete(_contexts, results) {
    const suites = results.testResults.map((suite) => ({
      file: relative(ROOT, suite.testFilePath),
      seconds: (suite.perfStats.end - suite.perfStats.start) / 1000,
      failed: suite.numFailingTests > 0 || Boolean(suite.testExecError),
    }));
    const timings = process.env.POLYPLUS_TEST_TIMINGS;
    if (timings) {
      appendFileSync(timings, suites.map((suite) => `${JSON.stringify(suite)}\n`).join(''));
      return;
    }
    if (suites.length < 2) return;
    const slowest = [...suites].sort((a, b) => b.seconds - a.seconds).slice(0, SHOWN);
    console.log(
      `\nSlowest test files:\n${slowest.map((suite) => `  ${suite.seconds.toFixed(1).padStart(7)} s  ${suite.file}${suite.failed ? '  (failed)' : ''}`).join('\n')}`,
    );
  }
}

module.exports = SlowSuitesReporter;
