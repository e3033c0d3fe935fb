// Solomon VRPTW benchmark: distance-only objective, at most each instance's vehicles.
// Usage: node -r @swc-node/register tools/bench/solomon/run.ts [--time 5] [--seed 1] [R101 C101 ...]
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkSolomonPlan, readSolomon, solveSolomon } from '@polyplus/routing';

type Row = { name: string; vehicles: number; distance: number; gap: number; seconds: number };

const repoRoot = resolve(__dirname, '../../..');
const dataDir = resolve(repoRoot, '../shared/solomon');

type Args = { time: number; seed: number; names: string[]; localSearch: boolean; extra: Record<string, number> };

function parseArgs(argv: string[]): Args {
  const extra: Record<string, number> = {};
  let time = 5;
  let seed = 1;
  let localSearch = true;
  const names: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--time') time = Number(argv[++i]);
    else if (argv[i] === '--seed') seed = Number(argv[++i]);
    else if (argv[i] === '--no-local-search') localSearch = false;
    // Solver tuning, e.g. --opt startTemperature=0.5
    else if (argv[i] === '--opt') {
      const [key, value] = argv[++i].split('=');
      extra[key] = Number(value);
    } else
      names.push(
        ...argv[i]
          .split(',')
          .filter(Boolean)
          .map((s) => s.toUpperCase()),
      );
  }
  if (!(time > 0)) throw new Error('--time must be a positive number of seconds');
  return { time, seed, names, localSearch, extra };
}

function readBks(): Map<string, { vehicles: number; distance: number }> {
  const lines = readFileSync(join(dataDir, 'bks_distance_only.csv'), 'utf8').trim().split(/\r?\n/).slice(1);
  return new Map(
    lines.map((l) => {
      const [name, vehicles, distance] = l.split(',');
      return [name, { vehicles: Number(vehicles), distance: Number(distance) }];
    }),
  );
}

function classOf(name: string): string {
  const m = /^(RC|R|C)(\d)/.exec(name);
  return m ? `${m[1]}${m[2]}` : '?';
}

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / Math.max(xs.length, 1);
}

function main(): void {
  const { time, seed, names, localSearch, extra } = parseArgs(process.argv.slice(2));
  const bks = readBks();
  const list = names.length > 0 ? names : [...bks.keys()];
  const rows: Row[] = [];
  console.log(`instance  vehicles  distance    bks        gap%     seconds  (time limit ${time}s, seed ${seed})`);
  for (const name of list) {
    const ref = bks.get(name);
    if (!ref) throw new Error(`unknown instance ${name}`);
    const inst = readSolomon(readFileSync(join(dataDir, `${name}.txt`), 'utf8'));
    // The distance-only reference allows at most its own vehicle count and the file's capacity.
    inst.vehicles = Math.min(inst.vehicles, ref.vehicles);
    const t0 = performance.now();
    const plan = solveSolomon(inst, { ...extra, timeLimitMs: time * 1000, seed, localSearch });
    const seconds = (performance.now() - t0) / 1000;
    const check = checkSolomonPlan(inst, plan.routes);
    if (!check.feasible) {
      console.error(`INFEASIBLE plan for ${name}:\n  ${check.violations.join('\n  ')}`);
      process.exit(1);
    }
    const gap = ((check.distance - ref.distance) / ref.distance) * 100;
    rows.push({ name, vehicles: check.vehicles, distance: check.distance, gap, seconds });
    console.log(
      `${name.padEnd(9)} ${String(check.vehicles).padStart(8)}  ${check.distance.toFixed(2).padStart(9)}  ${ref.distance
        .toFixed(2)
        .padStart(9)}  ${gap.toFixed(2).padStart(7)}  ${seconds.toFixed(2).padStart(7)}  (${plan.iterations} it)`,
    );
  }
  console.log('class  instances  vehicles  mean gap%  mean seconds');
  for (const cls of ['C1', 'C2', 'R1', 'R2', 'RC1', 'RC2']) {
    const of = rows.filter((r) => classOf(r.name) === cls);
    if (of.length === 0) continue;
    console.log(
      `${cls.padEnd(6)} ${String(of.length).padStart(9)}  ${mean(of.map((r) => r.vehicles))
        .toFixed(2)
        .padStart(8)}  ${mean(of.map((r) => r.gap))
        .toFixed(2)
        .padStart(9)}  ${mean(of.map((r) => r.seconds))
        .toFixed(2)
        .padStart(12)}`,
    );
  }
  console.log(`mean gap ${mean(rows.map((r) => r.gap)).toFixed(2)} % over ${rows.length} instances`);
}

main();
