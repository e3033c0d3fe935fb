// `npm test`: every project's tests through Nx (two at a time), then the slowest test files of the
// whole run, slowest first, whatever the outcome; exits with the tests' status. Extra arguments go to Nx.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const SHOWN = 15;
const directory = join('tmp', 'jest-timings');
mkdirSync(directory, { recursive: true });
const timings = join(directory, `${process.pid}-${Date.now()}.jsonl`);
const started = Date.now();

const nx = spawn('npx', ['nx', 'run-many', '-t', 'test', '--parallel=2', '--outputStyle=stream', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, POLYPLUS_TEST_TIMINGS: timings },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => nx.kill(signal));
nx.on('exit', (code, signal) => {
  let suites = [];
  try {
    suites = readFileSync(timings, 'utf8')
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line));
  } catch {
    // No test file reported (nothing ran).
  }
  rmSync(timings, { force: true });
  if (suites.length > 0) {
    const slowest = suites.sort((a, b) => b.seconds - a.seconds).slice(0, SHOWN);
    const minutes = ((Date.now() - started) / 60_000).toFixed(1);
    console.log(`\nSlowest of ${suites.length} test files (whole run ${minutes} min):`);
    for (const suite of slowest)
      console.log(`  ${suite.seconds.toFixed(1).padStart(7)} s  ${suite.file}${suite.failed ? '  (failed)' : ''}`);
  }
  process.exit(code ?? (signal ? 1 : 0));
});
