// Scale benchmark: one generated field-service day, 2,000 visits and 150 technicians.
// Usage: node -r @swc-node/register tools/bench/routing-scale/run.ts [--time 60] [--visits 2000] [--technicians 150] [--seed 1]
import { checkPlan, generateFieldProblem, solve } from '@polyplus/routing';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

function main(): void {
  const seconds = arg('time', 60);
  const visits = arg('visits', 2000);
  const technicians = arg('technicians', 150);
  const seed = arg('seed', 1);
  const problem = generateFieldProblem({
    seed,
    visits,
    technicians,
    radiusKm: 25,
    serviceMinutes: [15, 30],
    releaseShare: 0.3,
    capacity: 30,
  });
  console.log(`${visits} visits, ${technicians} technicians, 1 day, ${seconds}s limit, seed ${seed}`);
  const t0 = performance.now();
  let first: number | null = null;
  let lastPrinted = -Infinity;
  let lastUnassigned = Infinity;
  const plan = solve(problem, {
    seed,
    timeLimitMs: seconds * 1000,
    onImprovement: (e) => {
      const since = (performance.now() - t0) / 1000;
      if (first === null) {
        first = since;
        console.log(`first feasible plan after ${since.toFixed(2)} s (travel matrix and construction included)`);
        console.log('  time      iteration  unassigned  weighted lateness (h)  travel (h)');
      }
      // Log every change in served visits, otherwise at most twice a second.
      if (since - lastPrinted >= 0.5 || e.unassigned !== lastUnassigned) {
        lastPrinted = since;
        lastUnassigned = e.unassigned;
        console.log(
          `  ${since.toFixed(2).padStart(6)} s  ${String(e.iteration).padStart(9)}  ${String(e.unassigned).padStart(10)}  ${(
            e.weightedLatenessMs / 3_600_000
          )
            .toFixed(2)
            .padStart(21)}  ${(e.travelMs / 3_600_000).toFixed(2).padStart(10)}`,
        );
      }
    },
  });
  const total = (performance.now() - t0) / 1000;
  const check = checkPlan(problem, plan);
  if (!check.feasible) {
    console.error(`INFEASIBLE plan:\n  ${check.violations.slice(0, 20).join('\n  ')}`);
    process.exit(1);
  }
  const o = plan.objective;
  const reasons = new Map<string, number>();
  for (const u of plan.unassigned) reasons.set(u.reason, (reasons.get(u.reason) ?? 0) + 1);
  console.log(`final after ${total.toFixed(2)} s, ${plan.iterations} iterations (checker: feasible)`);
  console.log(`  served ${visits - o.unassigned}/${visits}, unassigned by reason ${JSON.stringify(Object.fromEntries(reasons))}`);
  console.log(
    `  weighted lateness ${(o.weightedLatenessMs / 3_600_000).toFixed(1)} h, technicians used ${o.techniciansUsed}, travel ${(o.travelMs / 3_600_000).toFixed(1)} h`,
  );
  const mem = process.memoryUsage();
  console.log(
    `peak memory: maxRSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (now: rss ${(mem.rss / 2 ** 20).toFixed(0)} MB, heap ${(mem.heapUsed / 2 ** 20).toFixed(0)} MB, arrayBuffers ${(mem.arrayBuffers / 2 ** 20).toFixed(0)} MB)`,
  );
}

main();
