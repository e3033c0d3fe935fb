// Prints the benchmark's figures: one table per workload (each round's figure, "round 1 / round 2"),
// then the ratios the gateway's goals are stated in.
import type { Figures } from './load';

export type Result = { workload: string; target: string; rounds: Figures[] };

const joined = (values: number[], digits = 0) =>
  values.map((value) => value.toLocaleString('en-GB', { maximumFractionDigits: digits })).join(' / ');

export function printTables(results: readonly Result[]): void {
  for (const workload of [...new Set(results.map((result) => result.workload))]) {
    console.log(`\n${workload}`);
    console.log(
      `  ${'target'.padEnd(44)} ${'req/s'.padStart(17)} ${'p50 ms'.padStart(11)} ${'p99 ms'.padStart(13)} ${'errors'.padStart(7)} ${'subgraph req/req'.padStart(17)}`,
    );
    for (const { target, rounds } of results.filter((result) => result.workload === workload)) {
      const errors = rounds.reduce((sum, figures) => sum + figures.errors, 0);
      const perRequest = rounds.every((f) => f.subgraphRequestsPerRequest !== undefined)
        ? joined(
            rounds.map((f) => f.subgraphRequestsPerRequest as number),
            2,
          )
        : '—';
      console.log(
        `  ${target.padEnd(44)} ${joined(rounds.map((f) => f.requestsPerSecond)).padStart(17)} ${joined(rounds.map((f) => f.p50)).padStart(11)} ${joined(rounds.map((f) => f.p99)).padStart(13)} ${String(errors).padStart(7)} ${perRequest.padStart(17)}`,
      );
    }
  }
}

/** `a ÷ b` for each round, from the figures of two targets on one workload. */
function ratio(results: readonly Result[], workload: string, a: string, b: string, of: (figures: Figures) => number): string | undefined {
  const find = (target: string) => results.find((result) => result.workload === workload && result.target === target)?.rounds;
  const top = find(a);
  const bottom = find(b);
  if (!top || !bottom) return undefined;
  return `${joined(
    top.map((figures, round) => of(figures) / Math.max(of(bottom[round]), 1)),
    2,
  )}`;
}

export type RatioLine = { label: string; workload: string; a: string; b: string; of: 'req/s' | 'p99'; goal: string };

export function printRatios(results: readonly Result[], lines: readonly RatioLine[]): void {
  console.log('\nratios, one figure per round');
  for (const line of lines) {
    const value = ratio(results, line.workload, line.a, line.b, line.of === 'req/s' ? (f) => f.requestsPerSecond : (f) => f.p99);
    if (value === undefined) continue; // a target this run did not measure (Hive with --gateway-parts, the parts without)
    console.log(`  ${line.label.padEnd(78)} ${value.padStart(13)}   goal ${line.goal}`);
  }
}
